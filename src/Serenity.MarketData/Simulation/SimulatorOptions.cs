namespace Serenity.MarketData.Simulation;

/// <summary>One simulated symbol: where its price starts and how it moves.</summary>
public sealed record SimulatedSymbol(string Symbol, decimal StartPrice, double AnnualVolatility = 0.3, double SpreadBps = 2.0);

/// <summary>How the simulator's market behaves. Same options and seed: the same stream of messages.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The seed of every random choice.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>The symbols; when only names are given (<see cref="ForSymbols"/>) start prices come from the seed.</summary>
    public IReadOnlyList<SimulatedSymbol> Symbols { get; init; } = [];

    /// <summary>Mean quotes per second over all symbols (outside bursts).</summary>
    public double QuotesPerSecond { get; init; } = 100;

    /// <summary>Chance that a quote is followed by a trade.</summary>
    public double TradeProbability { get; init; } = 0.2;

    /// <summary>Correlation of any two symbols' returns (one market factor), 0..1.</summary>
    public double Correlation { get; init; } = 0.5;

    /// <summary>Annual drift of prices.</summary>
    public double AnnualDrift { get; init; } = 0.05;

    /// <summary>Chance per quote that a burst of one symbol starts.</summary>
    public double BurstProbability { get; init; } = 0.002;

    /// <summary>Mean number of quotes in a burst (all of one symbol, in quick succession).</summary>
    public int MeanBurstLength { get; init; } = 200;

    /// <summary>Time between the quotes of a burst.</summary>
    public TimeSpan BurstInterval { get; init; } = TimeSpan.FromTicks(500); // 50 µs

    /// <summary>Scripted scenarios (flash crash, halt, gap).</summary>
    public IReadOnlyList<Scenario> Scenarios { get; init; } = [];

    /// <summary>Whether to wait on the clock until each message's time (false: as fast as the reader takes them).</summary>
    public bool Paced { get; init; } = true;

    /// <summary>Symbols by name with seeded start prices between $5 and $500 and volatility between 15 % and 60 %.</summary>
    public static IReadOnlyList<SimulatedSymbol> ForSymbols(IEnumerable<string> symbols, long seed)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var random = new SimulationRandom(seed ^ 0x5EED);
        return [.. symbols.Select(s => new SimulatedSymbol(
            s,
            Math.Round((decimal)(5 * Math.Pow(100, random.NextDouble())), 2),
            0.15 + (0.45 * random.NextDouble())))];
    }
}
