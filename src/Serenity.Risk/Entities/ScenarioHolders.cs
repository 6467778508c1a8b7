using Serenity.Actors;

namespace Serenity.Risk.Entities;

/// <summary>
/// The scenario hub's book of who holds what: per symbol its Risk entities, per entity its symbols and those of them
/// whose windows are still being seeded. The hub sends each minute's scenarios to <see cref="Entities"/> only (entities
/// that hold nothing have nothing to reprice), and answers an entity's tracking once all its new symbols are seeded.
/// </summary>
internal sealed class ScenarioHolders
{
    private readonly Dictionary<string, HashSet<IActorRef>> _bySymbol = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, HashSet<string>> _byEntity = [];
    private readonly Dictionary<IActorRef, HashSet<string>> _seeding = [];

    /// <summary>Entities that hold at least one symbol.</summary>
    public IEnumerable<IActorRef> Entities => _byEntity.Keys;

    /// <summary>True when some entity holds <paramref name="symbol"/>.</summary>
    public bool IsHeld(string symbol) => _bySymbol.ContainsKey(symbol);

    /// <summary>True when <paramref name="entity"/> still waits for the window of one of its symbols.</summary>
    public bool IsWaiting(IActorRef entity) => _seeding.ContainsKey(entity);

    /// <summary>Symbol to the number of entities that hold it.</summary>
    public Dictionary<string, int> Counts() => _bySymbol.ToDictionary(h => h.Key, h => h.Value.Count, StringComparer.Ordinal);

    /// <summary><paramref name="entity"/> now holds <paramref name="symbol"/>, whose window is still being seeded when <paramref name="seeding"/>.</summary>
    public void Add(IActorRef entity, string symbol, bool seeding)
    {
        if (!_bySymbol.TryGetValue(symbol, out var entities)) _bySymbol[symbol] = entities = [];
        entities.Add(entity);
        if (!_byEntity.TryGetValue(entity, out var symbols)) _byEntity[entity] = symbols = new HashSet<string>(StringComparer.Ordinal);
        symbols.Add(symbol);
        if (!seeding) return;
        if (!_seeding.TryGetValue(entity, out var waiting)) _seeding[entity] = waiting = new HashSet<string>(StringComparer.Ordinal);
        waiting.Add(symbol);
    }

    /// <summary><paramref name="entity"/> no longer holds <paramref name="symbol"/>; true when nobody holds it any more.</summary>
    public bool Remove(IActorRef entity, string symbol)
    {
        if (_byEntity.TryGetValue(entity, out var symbols) && symbols.Remove(symbol) && symbols.Count == 0) _byEntity.Remove(entity);
        if (_seeding.TryGetValue(entity, out var waiting) && waiting.Remove(symbol) && waiting.Count == 0) _seeding.Remove(entity);
        if (!_bySymbol.TryGetValue(symbol, out var entities) || !entities.Remove(entity) || entities.Count > 0) return false;
        _bySymbol.Remove(symbol);
        return true;
    }

    /// <summary><paramref name="entity"/> stopped: the symbols nobody holds any more.</summary>
    public List<string> RemoveEntity(IActorRef entity)
    {
        var unheld = new List<string>();
        if (!_byEntity.TryGetValue(entity, out var symbols)) return unheld;
        foreach (var symbol in symbols.ToList())
        {
            if (Remove(entity, symbol)) unheld.Add(symbol);
        }
        return unheld;
    }

    /// <summary>The window of <paramref name="symbol"/> is seeded: the entities that now have every window they wait for.</summary>
    public List<IActorRef> Seeded(string symbol)
    {
        var ready = new List<IActorRef>();
        if (!_bySymbol.TryGetValue(symbol, out var entities)) return ready;
        foreach (var entity in entities)
        {
            if (_seeding.TryGetValue(entity, out var waiting) && waiting.Remove(symbol) && waiting.Count == 0)
            {
                _seeding.Remove(entity);
                ready.Add(entity);
            }
        }
        return ready;
    }
}
