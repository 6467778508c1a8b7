namespace Serenity.Risk.Strategies;

/// <summary>
/// The strategies a user can enable, by name: a name and a factory (symbol, position size) each, so adding a
/// strategy is one registration.
/// </summary>
public sealed class StrategyCatalog
{
    private readonly Dictionary<string, Func<string, decimal, IStrategy>> _factories = new(StringComparer.Ordinal);

    /// <summary>The short name the API uses for the SMA crossover.</summary>
    public const string SmaCrossAlias = "sma-cross";

    /// <summary>The built-in catalog: <c>sma-crossover</c> (SMA10 vs SMA20), also as <c>sma-cross</c>.</summary>
    public static StrategyCatalog Default { get; } = new StrategyCatalog()
        .Register(SmaCrossoverStrategy.StrategyName, (symbol, size) => new SmaCrossoverStrategy(symbol, size))
        .Register(SmaCrossAlias, (symbol, size) => new SmaCrossoverStrategy(symbol, size));

    /// <summary>The registered names.</summary>
    public IReadOnlyCollection<string> Names => _factories.Keys;

    /// <summary>Adds (or replaces) a strategy; returns this catalog.</summary>
    public StrategyCatalog Register(string name, Func<string, decimal, IStrategy> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);
        _factories[name] = factory;
        return this;
    }

    /// <summary>Creates strategy <paramref name="name"/> for a symbol; false when the name is unknown.</summary>
    public bool TryCreate(string name, string symbol, decimal positionSize, out IStrategy? strategy)
    {
        strategy = _factories.TryGetValue(name, out var factory) ? factory(symbol, positionSize) : null;
        return strategy is not null;
    }
}
