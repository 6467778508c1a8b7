namespace Serenity.MarketData;

/// <summary>
/// A small number per symbol, handed out once per process, that the parser (and the simulator) puts into every
/// quote and trade (<see cref="MarketEvent.SymbolId"/>): the graph's stages keep their per-symbol state in arrays indexed
/// by it instead of looking the symbol up in a dictionary per quote. An id is a hint, never trusted alone: a
/// stage checks that the state it finds under the id belongs to the event's symbol (the same string instance)
/// and falls back to its dictionary otherwise (an event made with <c>with { Symbol = ... }</c> keeps a stale id).
/// Bounded: past <see cref="MaxIds"/> symbols (garbage on the wire) new symbols get 0, "no id".
/// </summary>
internal static class SymbolIds
{
    /// <summary>Ids handed out at most (1 up to this); ids index arrays, so they stay dense and bounded.</summary>
    public const int MaxIds = 1 << 20;

    /// <summary>The length of an array indexed by symbol id that must hold <paramref name="id"/>: a power of two, 64 to MaxIds + 1.</summary>
    public static int ArrayLengthFor(int id) =>
        (int)Math.Min(MaxIds + 1L, Math.Max(64, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)id + 1)));

    private static readonly Dictionary<string, int> s_ids = new(StringComparer.Ordinal);
    private static readonly Lock s_gate = new();

    /// <summary>The symbol's id (made now if new; 0 when the table is full).</summary>
    public static int Of(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        lock (s_gate)
        {
            if (s_ids.TryGetValue(symbol, out var id)) return id;
            if (s_ids.Count >= MaxIds) return 0;
            id = s_ids.Count + 1;
            s_ids.Add(symbol, id);
            return id;
        }
    }
}
