using System.Diagnostics;
using Serenity.Streams;
using Serenity.Streams.Dsl;
using Serenity.Streams.FairBucket;

namespace Serenity.Benchmarks;

/// <summary>The fair leaky bucket under load: throughput when nothing binds, and the global rate's accuracy when it does.</summary>
internal static class FairBucketBenchmarks
{
    private const int Keys = 5_000;
    private const int ThroughputElements = 3_000_000;
    private const double BindingRate = 100_000;

    /// <summary>A quote-sized element: a ticker key and a sequence number.</summary>
    private readonly record struct Tick(int Key, long Seq);

    /// <summary>3M elements over 5,000 keys through the bucket; per-key and global limits far above the load.</summary>
    public static double Throughput()
    {
        using var system = StreamBenchmarks.NewSystem();
        var materializer = system.Materializer();
        var items = Enumerable.Range(0, ThroughputElements).Select(i => new Tick(i % Keys, i)).ToArray();
        var settings = new FairLeakyBucketSettings { PerKeyRate = 1_000_000, GlobalRate = 1_000_000_000, GlobalBurst = 1000, IdleCapacity = 2, MaxCapacity = 50 };
        var warmUp = items.AsSpan(0, 100_000).ToArray();
        StreamBenchmarks.WarmUp(() => RunThrough(materializer, warmUp, settings));
        var sw = Stopwatch.StartNew();
        var delivered = RunThrough(materializer, items, settings);
        sw.Stop();
        if (delivered != ThroughputElements) throw new InvalidOperationException($"only {delivered} of {ThroughputElements} delivered: a limit was binding");
        return ThroughputElements / sw.Elapsed.TotalSeconds;
    }

    private static long RunThrough(IMaterializer materializer, Tick[] items, FairLeakyBucketSettings settings)
    {
        var (stats, done) = Source.From(items)
            .ViaMaterialized(FairLeakyBucket.Create<Tick, int>(t => t.Key, settings), Keep.Right)
            .ToMaterialized(Sink.Ignore<Tick>(), Keep.Both)
            .Run(materializer);
        done.GetAwaiter().GetResult();
        return stats.Snapshot().Delivered;
    }

    /// <summary>
    /// An endless source over 5,000 keys against a global rate of 100,000/s (real time): the delivered rate
    /// over 3 s after a 0.5 s warm-up, as the percentage it is off the configured rate.
    /// </summary>
    public static double RateError()
    {
        using var system = StreamBenchmarks.NewSystem();
        var materializer = system.Materializer();
        // A burst of 50 ms worth of tokens absorbs timer granularity and scheduling delays on a busy
        // machine, so a late wake-up costs no rate (tokens keep accruing up to the burst).
        var settings = new FairLeakyBucketSettings { PerKeyRate = 0, GlobalRate = BindingRate, GlobalBurst = (int)(BindingRate / 20), IdleCapacity = 2, MaxCapacity = 50 };
        long delivered = 0;
        var (killSwitch, done) = Source.From(Endless())
            .ViaMaterialized(KillSwitches.Single<Tick>(), Keep.Right)
            .Via(FairLeakyBucket.Create<Tick, int>(t => t.Key, settings))
            .ToMaterialized(Sink.ForEach<Tick>(_ => Interlocked.Increment(ref delivered)), Keep.Both)
            .Run(materializer);
        Thread.Sleep(500);
        var count0 = Interlocked.Read(ref delivered);
        var start = Stopwatch.GetTimestamp();
        Thread.Sleep(3000);
        var count1 = Interlocked.Read(ref delivered);
        var elapsed = Stopwatch.GetElapsedTime(start);
        killSwitch.Shutdown();
        done.GetAwaiter().GetResult();
        var rate = (count1 - count0) / elapsed.TotalSeconds;
        return Math.Abs(rate - BindingRate) / BindingRate * 100;
    }

    private static IEnumerable<Tick> Endless()
    {
        for (long i = 0; ; i++) yield return new Tick((int)(i % Keys), i);
    }
}
