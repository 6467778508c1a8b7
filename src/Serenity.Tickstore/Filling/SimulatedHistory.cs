using Serenity.MarketData;
using Serenity.MarketData.Bars;
using Serenity.MarketData.Simulation;

namespace Serenity.Tickstore.Filling;

/// <summary>
/// Offline history from the deterministic <see cref="MarketSimulator"/>: its trades aggregated into 1-minute bars
/// (same seed, same bars), stored a chunk of days per transaction.
/// </summary>
public static class SimulatedHistory
{
    /// <summary>The minute bars of the simulated market from <paramref name="start"/> until <paramref name="end"/>, in time order.</summary>
    public static IEnumerable<Bar> MinuteBars(SimulatorOptions options, DateTime start, DateTime end)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simulator = new MarketSimulator(options with { Paced = false }, start);
        var aggregator = new MinuteBarAggregator(new BarOptions { AllowedLateness = TimeSpan.Zero, WatermarkDelay = TimeSpan.Zero });
        var output = new List<Bar>();
        while (true)
        {
            var message = simulator.Next();
            if (message is not MarketEvent e) continue;
            if (e.Timestamp >= end) break;
            if (e is Trade trade) aggregator.OnTrade(trade, output);
            foreach (var bar in output) yield return bar;
            output.Clear();
        }
        aggregator.AdvanceWatermark(end, output);
        foreach (var bar in output) yield return bar;
    }

    /// <summary>Stores the simulated minute bars of [<paramref name="start"/>, <paramref name="end"/>); reports days written.</summary>
    public static int Fill(TickStore store, SimulatorOptions options, DateTime start, DateTime end, IProgress<int>? progress = null, int daysPerTransaction = 10)
    {
        ArgumentNullException.ThrowIfNull(store);
        var days = 0;
        var batch = new List<Bar>();
        var distinctDays = new HashSet<(string, DateOnly)>();
        foreach (var bar in MinuteBars(options, start, end))
        {
            if (distinctDays.Add((bar.Symbol, DateOnly.FromDateTime(bar.Timestamp))) && distinctDays.Count > daysPerTransaction * options.Symbols.Count
                && batch.Count > 0 && batch[^1].Timestamp.Date != bar.Timestamp.Date)
            {
                days += store.InsertDays(batch, "simulator").Count;
                progress?.Report(days);
                batch.Clear();
                distinctDays.Clear();
                distinctDays.Add((bar.Symbol, DateOnly.FromDateTime(bar.Timestamp)));
            }
            batch.Add(bar);
        }
        if (batch.Count > 0) days += store.InsertDays(batch, "simulator").Count;
        progress?.Report(days);
        return days;
    }
}
