using System.Diagnostics;
using Serenity.MarketData;
using Serenity.Tickstore;
using Serenity.Tickstore.Analytics;

namespace Serenity.Benchmarks;

/// <summary>
/// The tickstore issue's targets: select four years of 1-minute bars of one symbol (24/7, 1,461 days x 1,440 =
/// 2,103,840 rows; a published pandas/HDF5 tickstore takes 5.5 s; target &lt; 110 ms, aim &lt; 30 ms) and resample
/// them to 1 hour (select + resample, target &lt; 50 ms). The data set is built once in the temp folder and reused.
/// </summary>
internal static class TickstoreBenchmarks
{
    private const string Symbol = "BENCH";
    private static readonly DateOnly s_first = new(2020, 1, 1);
    private static readonly DateOnly s_last = new(2023, 12, 31);

    public static IReadOnlyList<Benchmark> All() =>
    [
        new("select_4y_1min", "ms", () => Measure(store => store.Select(Symbol, Start, End).Count), 1),
        new("resample_4y_1h", "ms", () => Measure(store => Resampler.Resample(store.Select(Symbol, Start, End), TimeSpan.FromHours(1)).Count), 1),
        BacktestBenchmarks.Year10Symbols(),
    ];

    private static DateTime Start => s_first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static DateTime End => s_last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Median of 15 timed runs after 3 warm-up runs.</summary>
    private static double Measure(Func<TickStore, int> query)
    {
        using var store = TickStore.Open(DataSet());
        for (var i = 0; i < 3; i++) query(store);
        var times = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var sw = Stopwatch.StartNew();
            var rows = query(store);
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (rows == 0) throw new InvalidOperationException("the benchmark data set is empty");
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static string DataSet()
    {
        var root = Path.Combine(Path.GetTempPath(), "serenity-bench-tickstore-v1");
        var marker = Path.Combine(root, "complete");
        if (File.Exists(marker)) return root;
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        using (var store = TickStore.Open(root))
        {
            var random = new Random(1);
            var cents = 10_000L;
            for (var day = s_first; day <= s_last; day = day.AddDays(30))
            {
                var bars = new List<Bar>();
                for (var d = day; d <= s_last && d < day.AddDays(30); d = d.AddDays(1))
                {
                    var t0 = d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                    for (var m = 0; m < 1440; m++)
                    {
                        var open = cents;
                        cents = Math.Max(100, cents + random.Next(-5, 6));
                        var high = Math.Max(open, cents) + random.Next(0, 3);
                        var low = Math.Min(open, cents) - random.Next(0, 3);
                        var volume = random.Next(100, 5000);
                        bars.Add(new Bar(Symbol, t0.AddMinutes(m), open / 100m, high / 100m, low / 100m, cents / 100m, volume, random.Next(1, 60), (open + cents) / 200m));
                    }
                }
                store.InsertDays(bars, "benchmark");
            }
        }
        File.WriteAllText(marker, "ok");
        return root;
    }
}
