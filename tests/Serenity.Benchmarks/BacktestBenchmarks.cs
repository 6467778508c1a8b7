using System.Diagnostics;
using Serenity.Backtest;
using Serenity.MarketData;
using Serenity.Tickstore;

namespace Serenity.Benchmarks;

/// <summary>
/// The tickstore issue's backtest target: one strategy (sma-cross, 100 shares per entry) over one year of 1-minute bars
/// for 10 symbols in under 10 s, through the live Ticker, Account, Portfolio, Risk and strategy actors in virtual time.
/// The data set is realistic trading hours: every weekday of 2025 (no holiday calendar), 14:30-21:00 UTC, 390 bars a
/// session, 261 x 390 x 10 = 1,017,900 bars, random walks in cents; built once in the temp folder and reused. The time
/// is the whole run: select from the store, replay, collect (writing the report is not included).
/// </summary>
internal static class BacktestBenchmarks
{
    private static readonly string[] s_symbols = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH", "III", "JJJ"];
    private static readonly DateTime s_from = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_to = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>What `serenity backtest` runs, so in a child with Serenity.Server's runtime settings (Server GC).</summary>
    public static Benchmark Year10Symbols() => new("backtest_1y_10sym", "s", Measure, 2, ServerProcess: true);

    private static double Measure()
    {
        using var store = TickStore.Open(DataSet());
        var options = new BacktestOptions { Strategy = "sma-cross", Symbols = s_symbols, From = s_from, To = s_to, Quantity = 100m, Cash = 1_000_000m };
        var sw = Stopwatch.StartNew();
        var result = BacktestRunner.RunAsync(store, options).GetAwaiter().GetResult();
        var seconds = sw.Elapsed.TotalSeconds;
        if (result.Bars != 261 * 390 * s_symbols.Length || result.Trades.Count == 0)
            throw new InvalidOperationException($"unexpected backtest: {result.Bars} bars, {result.Trades.Count} trades");
        return seconds;
    }

    private static string DataSet()
    {
        var root = Path.Combine(Path.GetTempPath(), "serenity-bench-backtest-v1");
        var marker = Path.Combine(root, "complete");
        if (File.Exists(marker)) return root;
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        using (var store = TickStore.Open(root))
        {
            for (var s = 0; s < s_symbols.Length; s++)
            {
                var random = new Random(100 + s);
                var cents = 5_000L + (1_000L * s);
                var bars = new List<Bar>();
                for (var day = s_from; day < s_to; day = day.AddDays(1))
                {
                    if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
                    var open0 = day.AddHours(14.5);
                    for (var m = 0; m < 390; m++)
                    {
                        var open = cents;
                        cents = Math.Max(100, cents + random.Next(-6, 7));
                        var high = Math.Max(open, cents) + random.Next(0, 3);
                        var low = Math.Min(open, cents) - random.Next(0, 3);
                        bars.Add(new Bar(s_symbols[s], open0.AddMinutes(m), open / 100m, high / 100m, low / 100m, cents / 100m, random.Next(100, 5000), random.Next(1, 60), (open + cents) / 200m));
                    }
                    if (bars.Count >= 390 * 30)
                    {
                        store.InsertDays(bars, "benchmark");
                        bars.Clear();
                    }
                }
                if (bars.Count > 0) store.InsertDays(bars, "benchmark");
            }
        }
        File.WriteAllText(marker, "ok");
        return root;
    }
}
