using System.Diagnostics;
using Serenity.Risk.Windows;

namespace Serenity.Benchmarks;

/// <summary>
/// The risk issue's benchmarks: one rolling-window update (add a return, drop the oldest, window 60) and a
/// full VaR/ES refresh of 10,000 portfolios x 20 positions after a minute's bars for every symbol arrived.
/// </summary>
internal static class RiskBenchmarks
{
    private const int Window = 60;
    private const int WindowUpdates = 5_000_000;

    public static IReadOnlyList<Benchmark> All() =>
    [
        new("window_update", "ns", WindowUpdate, 1),
        new("var_refresh_10k", "ms", RiskRefreshBenchmark.Measure, 1),
        new("var_refresh_10k_actors", "ms", RiskActorsRefreshBenchmark.Measure, 1),
    ];

    /// <summary>Nanoseconds per <see cref="RollingReturnWindow.Add(DateTime, decimal)"/> on a full window of 60.</summary>
    private static double WindowUpdate()
    {
        var random = new Random(1);
        var closes = new decimal[4096];
        var close = 100m;
        for (var i = 0; i < closes.Length; i++) closes[i] = close = Math.Round(close * (1m + (decimal)((random.NextDouble() - 0.5) * 0.002)), 4);
        var window = new RollingReturnWindow(Window);
        var t = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var minute = 0;
        void Run(int n)
        {
            for (var i = 0; i < n; i++)
            {
                window.Add(t.AddMinutes(minute), closes[minute & 4095]);
                minute++;
            }
        }
        StreamBenchmarks.WarmUp(() => Run(100_000));
        if (!window.IsFull) throw new InvalidOperationException("the window should be full");
        var sw = Stopwatch.StartNew();
        Run(WindowUpdates);
        sw.Stop();
        return sw.Elapsed.TotalNanoseconds / WindowUpdates;
    }
}
