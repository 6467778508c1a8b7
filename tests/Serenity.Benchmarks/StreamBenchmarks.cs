using System.Diagnostics;
using Serenity.Actors;
using Serenity.Hocon;
using Serenity.Streams;
using Serenity.Streams.Dsl;

namespace Serenity.Benchmarks;

/// <summary>
/// The stream library's benchmarks (the streams issue's targets): a linear graph of three Selects, the
/// fair bucket with 5,000 keys, the bucket's global rate accuracy, and allocation through Select/Where.
/// </summary>
internal static class StreamBenchmarks
{
    private const int Select3Elements = 10_000_000;
    private const int AllocElements = 10_000_000;

    public static IReadOnlyList<Benchmark> All() =>
    [
        new("streams_select3", "elements/s", Select3),
        new("bucket_5000keys", "elements/s", FairBucketBenchmarks.Throughput),
        new("bucket_rate_error", "percent", FairBucketBenchmarks.RateError, 3),
        new("select_alloc", "bytes/element", SelectAllocation, 4),
    ];

    internal static ActorSystem NewSystem() =>
        ActorSystem.Create("bench", ConfigurationFactory.ParseString("serenity.stdout-loglevel = WARNING"));

    /// <summary>Runs <paramref name="action"/> for a second so tiered compilation has produced optimized code before measuring.</summary>
    internal static void WarmUp(Action action)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(1)) action();
    }

    /// <summary>Source.From(1..N) → Select ×3 → Sink.Aggregate, as Akka's reference measurement (with two more Selects).</summary>
    private static double Select3()
    {
        using var system = NewSystem();
        var materializer = system.Materializer();
        WarmUp(() => RunSelect3(materializer, 200_000));
        var sw = Stopwatch.StartNew();
        RunSelect3(materializer, Select3Elements);
        sw.Stop();
        return Select3Elements / sw.Elapsed.TotalSeconds;
    }

    private static void RunSelect3(IMaterializer materializer, int n)
    {
        var sum = Source.From(Enumerable.Range(1, n)).Select(x => x + 1).Select(x => x + 1).Select(x => x + 1)
            .RunWith(Sink.Aggregate<int, long>(0, (a, x) => a + x), materializer).GetAwaiter().GetResult();
        if (sum != (long)n * (n + 1) / 2 + 3L * n) throw new InvalidOperationException($"wrong sum {sum}");
    }

    /// <summary>Bytes allocated per element (all threads) through Select/Where on ints, materialization included.</summary>
    private static double SelectAllocation()
    {
        using var system = NewSystem();
        var materializer = system.Materializer();
        var items = Enumerable.Range(0, AllocElements).ToArray();
        var graph = Source.From(items).Select(x => x + 1).Where(x => (x & 1) == 0).Select(x => (long)x)
            .ToMaterialized(Sink.Aggregate<long, long>(0, (a, x) => a + x), Keep.Right);
        WarmUp(() => graph.Run(materializer).GetAwaiter().GetResult());
        var before = GC.GetTotalAllocatedBytes(precise: true);
        graph.Run(materializer).GetAwaiter().GetResult();
        var after = GC.GetTotalAllocatedBytes(precise: true);
        return (after - before) / (double)AllocElements;
    }
}
