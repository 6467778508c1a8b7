namespace Serenity.MarketData.Cleaning;

/// <summary>
/// The newest quote and trade time per symbol (ticks), in dense arrays indexed by the symbol's <see cref="SymbolIds"/>
/// number. Dense on purpose: with thousands of symbols a state object per symbol is out of cache at every quote,
/// while a line of these arrays serves several symbols and stays warm. An event's id is only a hint: it is used
/// when the symbol stored under it is the event's own; otherwise (no id, a stale id) the symbol's canonical id is
/// looked up, so every event of a symbol reaches the same times. Symbols beyond the id space keep theirs in a
/// dictionary. Not thread-safe, as the cleaner that owns it.
/// </summary>
internal sealed class NewestTicks
{
    private readonly Dictionary<string, int> _idOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long[]> _beyondIds = new(StringComparer.Ordinal);
    private string?[] _symbolById = [];
    private long[] _ticksById = []; // [2 id]: newest quote, [2 id + 1]: newest trade

    /// <summary>The newest time of the event's symbol and kind (quote, or trade when <paramref name="trade"/>); 0 before the first.</summary>
    public ref long Of(MarketEvent e, bool trade)
    {
        var id = e.SymbolId;
        var symbols = _symbolById;
        if ((uint)id < (uint)symbols.Length && string.Equals(symbols[id], e.Symbol, StringComparison.Ordinal))
        {
            return ref _ticksById[(2 * id) + (trade ? 1 : 0)];
        }
        return ref OfSlow(e.Symbol, trade);
    }

    private ref long OfSlow(string symbol, bool trade)
    {
        if (!_idOf.TryGetValue(symbol, out var id))
        {
            id = SymbolIds.Of(symbol); // canonical, never the event's own (it may be stale)
            _idOf.Add(symbol, id);
            if (id > 0) Place(symbol, id);
        }
        if (id > 0) return ref _ticksById[(2 * id) + (trade ? 1 : 0)];
        if (!_beyondIds.TryGetValue(symbol, out var ticks))
        {
            ticks = new long[2];
            _beyondIds.Add(symbol, ticks);
        }
        return ref ticks[trade ? 1 : 0];
    }

    private void Place(string symbol, int id)
    {
        if (id >= _symbolById.Length)
        {
            var length = SymbolIds.ArrayLengthFor(id);
            Array.Resize(ref _symbolById, length);
            Array.Resize(ref _ticksById, 2 * length);
        }
        _symbolById[id] = symbol;
    }
}
