using System.Collections.Concurrent;

namespace Serenity.MarketData;

/// <summary>
/// A stage's state per symbol: found through the event's <see cref="MarketEvent.SymbolId"/> in an array (one load
/// and a string compare, which the shared interned instance ends at its reference check), through a dictionary by
/// symbol when the event has no id or its id leads to another symbol's state (a stale id: see <see cref="SymbolIds"/>).
/// Reads take no lock and may run on any thread; states are made under a lock, once per symbol. A state tells its
/// symbol through <c>symbolOf</c>, so the check reads the state itself rather than a wrapper around it.
/// </summary>
internal sealed class SymbolStates<T>(Func<string, T> create, Func<T, string?> symbolOf) where T : class
{
    private readonly ConcurrentDictionary<string, T> _bySymbol = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private T?[] _byId = [];

    /// <summary>How many symbols have state.</summary>
    public int Count => _bySymbol.Count;

    /// <summary>The state of the event's symbol (made now if new).</summary>
    public T Get(MarketEvent e) => Get(e.Symbol, e.SymbolId);

    /// <summary>The state of <paramref name="symbol"/>, whose id is <paramref name="id"/> (0: unknown).</summary>
    public T Get(string symbol, int id)
    {
        var byId = Volatile.Read(ref _byId);
        if ((uint)id < (uint)byId.Length && byId[id] is { } state && string.Equals(symbolOf(state), symbol, StringComparison.Ordinal)) return state;
        return GetSlow(symbol, id);
    }

    private T GetSlow(string symbol, int id)
    {
        // Events without an id (bars, replayed or hand-made ticks) are found without the lock, as often as they come.
        if (id <= 0 && _bySymbol.TryGetValue(symbol, out var known)) return known;
        lock (_gate)
        {
            if (!_bySymbol.TryGetValue(symbol, out var state))
            {
                state = create(symbol);
                _bySymbol[symbol] = state;
            }
            if (id > 0 && id <= SymbolIds.MaxIds)
            {
                var byId = _byId;
                if (id >= byId.Length)
                {
                    Array.Resize(ref byId, SymbolIds.ArrayLengthFor(id));
                }
                byId[id] = state;
                Volatile.Write(ref _byId, byId);
            }
            return state;
        }
    }
}
