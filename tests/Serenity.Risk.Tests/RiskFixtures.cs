using Serenity.Risk.Scenarios;
using Serenity.Risk.Windows;

namespace Serenity.Risk.Tests;

/// <summary>Scenario sets built from exact return series.</summary>
internal static class RiskFixtures
{
    /// <summary>One window per symbol holding exactly the given returns (all at the same minutes).</summary>
    public static ScenarioSet Scenarios(params (string Symbol, double[] Returns)[] series)
    {
        var capacity = series.Max(s => s.Returns.Length);
        var windows = new List<KeyValuePair<string, RollingReturnWindow>>();
        foreach (var (symbol, returns) in series)
        {
            var w = new RollingReturnWindow(capacity);
            foreach (var bar in TestBars.FromReturns(symbol, returns)) w.Add(bar);
            windows.Add(new(symbol, w));
        }
        return ScenarioSet.Align(windows, capacity);
    }

    /// <summary>Deterministic pseudo-random returns, roughly 1% per bar, with some correlation between series.</summary>
    public static double[][] RandomReturns(int symbols, int length, int seed)
    {
        var random = new Random(seed);
        var result = new double[symbols][];
        var market = Enumerable.Range(0, length).Select(_ => Normal(random) * 0.006).ToArray();
        for (var s = 0; s < symbols; s++)
        {
            result[s] = new double[length];
            for (var t = 0; t < length; t++) result[s][t] = Math.Round(market[t] + (Normal(random) * 0.008), 6);
        }
        return result;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
