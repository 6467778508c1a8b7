using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Hocon;
using Serenity.MarketData;
using Serenity.MarketData.Alpaca.Parsing;
using Serenity.MarketData.Cleaning;
using Serenity.MarketData.Graph;
using Serenity.MarketData.Simulation;
using Serenity.Streams;
using Serenity.Streams.Dsl;
using Serenity.Streams.FairBucket;

namespace Serenity.Benchmarks;

/// <summary>
/// The market-data issue's targets: parsing Alpaca quote arrays (≥ 2M quotes/s on one core, no per-quote
/// allocation but the quote), the whole graph parse → clean → bucket → bars → publish to 5,000 symbols'
/// subscribers (≥ 1M quotes/s), and the graph's memory growth over a <see cref="RssRunSeconds"/>-second run
/// (the issue's 10-minute soak shortened to fit the harness: 3 processes × 3 runs).
/// </summary>
internal static class MarketDataBenchmarks
{
    private const int Symbols = 5_000;
    private const int QuotesPerFrame = 1_000;
    private const int E2EMessages = 2_000_000;
    private const int RssRunSeconds = 20;
    private const int RssWarmUpSeconds = 5;
    private const int SoakSampleSeconds = 30;

    // Each subscriber's count on its own cache line: counters of subscribers running on different cores
    // must not share lines (that cost belongs to the harness, not to the graph).
    private const int CountStride = 8;

    public static IReadOnlyList<Benchmark> All() =>
    [
        new("alpaca_parse", "quotes/s", Parse),
        new("alpaca_parse_alloc", "bytes/quote", ParseAllocation, 1),
        new("graph_e2e", "quotes/s", GraphEndToEnd),
        new("graph_rss_growth", "MiB", GraphRssGrowth, 1),
    ];

    private static readonly string[] s_symbols = [.. Enumerable.Range(0, Symbols).Select(i => "S" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))];

    private static MarketSimulator Simulator(double tradeProbability) => new(
        new SimulatorOptions { Symbols = SimulatorOptions.ForSymbols(s_symbols, 1), QuotesPerSecond = 50_000, TradeProbability = tradeProbability, Seed = 1 },
        new DateTime(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc));

    /// <summary>
    /// One thread parses ten 1,000-quote frames (5,000 symbols) over and over for about two seconds. Ten frames
    /// (1.5 MB) stay in cache as a frame just read from the socket does; a set larger than the cache would
    /// measure memory bandwidth instead.
    /// </summary>
    private static double Parse()
    {
        var frames = Frames(Simulator(0).Take(10 * QuotesPerFrame).ToList());
        var parser = new AlpacaMessageParser();
        var output = new List<MarketDataMessage>(QuotesPerFrame);
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
        {
            foreach (var f in frames) ParseOne(parser, f, output); // JIT tiers up, symbols get interned
        }
        long quotes = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(2))
        {
            foreach (var f in frames) quotes += ParseOne(parser, f, output);
        }
        return quotes / sw.Elapsed.TotalSeconds;
    }

    /// <summary>Bytes allocated per parsed quote on the parsing thread (the Quote object itself is ~112 bytes).</summary>
    private static double ParseAllocation()
    {
        var frames = Frames(Simulator(0).Take(100 * QuotesPerFrame).ToList());
        var parser = new AlpacaMessageParser();
        var output = new List<MarketDataMessage>(QuotesPerFrame);
        foreach (var f in frames) ParseOne(parser, f, output);
        long quotes = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var f in frames) quotes += ParseOne(parser, f, output);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)quotes;
    }

    private static int ParseOne(AlpacaMessageParser parser, byte[] frame, List<MarketDataMessage> output)
    {
        output.Clear();
        var n = parser.Parse(frame, output);
        if (parser.Errors.Total != 0) throw new InvalidOperationException("parse errors in benchmark data: " + parser.Errors);
        return n;
    }

    /// <summary>
    /// Pre-built Alpaca frames (90 % quotes, 10 % trades, 5,000 symbols) through the whole graph; a counting
    /// actor per symbol subscribes to quotes.{SYM}. Rate = quotes delivered to subscribers / wall time.
    /// </summary>
    private static double GraphEndToEnd()
    {
        var messages = Simulator(0.1).Take(E2EMessages).ToList();
        var frames = Frames(messages).Select(f => (ReadOnlyMemory<byte>)f).ToList();
        var quotes = messages.Count(m => m is Quote);
        messages.Clear();
        using var system = ActorSystem.Create("bench", ConfigurationFactory.ParseString("serenity.stdout-loglevel = WARNING"));
        var received = new long[Symbols * CountStride];
        var pubSub = DistributedPubSub.Get(system);
        for (var i = 0; i < Symbols; i++)
        {
            var slot = i;
            var subscriber = system.ActorOf(Props.Create(() => new CountingSubscriber(received, slot * CountStride)));
            pubSub.Subscribe(PubSubMarketDataPublisher.QuotesTopic(s_symbols[i]), subscriber);
            pubSub.Subscribe(PubSubMarketDataPublisher.BarsTopic(s_symbols[i]), subscriber);
        }
        var settings = Unthrottled();
        RunGraph(system, frames.Take(300).ToList(), settings); // warm up: JIT, tiering, mailboxes
        Array.Clear(received);
        ThreadCpuClock.MeasureIslands();
        var cpu = CpuClock.Start();
        var sw = Stopwatch.StartNew();
        var handle = RunGraph(system, frames, settings);
        var delivered = handle.Bucket.Snapshot().Delivered;
        while (Sum(received) < delivered) Thread.Sleep(1); // the subscribers' mailboxes drain after the stream ends
        sw.Stop();
        cpu.Report("graph_e2e", quotes, "quote");
        ThreadCpuClock.ReportIslands("graph_e2e", quotes, "quote");
        if (delivered != quotes || handle.Cleaning.Dropped != 0) throw new InvalidOperationException($"lost quotes: {delivered} of {quotes}; {handle.Cleaning}");
        return quotes / sw.Elapsed.TotalSeconds;
    }

    private static MarketDataGraphHandle RunGraph(ActorSystem system, List<ReadOnlyMemory<byte>> frames, MarketDataGraphSettings settings)
    {
        var source = Source.From(frames).Via(MarketDataGraph.Parse());
        var handle = MarketDataGraph.Create(source, settings, new PubSubMarketDataPublisher(DistributedPubSub.Get(system)), system.Clock).Run(system.Materializer());
        handle.Completion.GetAwaiter().GetResult();
        return handle;
    }

    /// <summary>
    /// The simulator, unpaced, through the graph for <see cref="RssRunSeconds"/> s (or <c>--soak-minutes</c>); the
    /// working set after <see cref="RssWarmUpSeconds"/> s of warm-up against the one at the end (after a full GC
    /// both times). A soak also prints the working set every <see cref="SoakSampleSeconds"/> s to stderr.
    /// </summary>
    private static double GraphRssGrowth()
    {
        using var system = ActorSystem.Create("bench", ConfigurationFactory.ParseString("serenity.stdout-loglevel = WARNING"));
        var received = new long[Symbols * CountStride];
        var pubSub = DistributedPubSub.Get(system);
        var subscribers = new List<IActorRef>(Symbols);
        for (var i = 0; i < Symbols; i++)
        {
            var slot = i;
            subscribers.Add(system.ActorOf(Props.Create(() => new CountingSubscriber(received, slot * CountStride))));
            pubSub.Subscribe(PubSubMarketDataPublisher.QuotesTopic(s_symbols[i]), subscribers[^1]);
        }
        var start = WorkingSetAfterGc();
        var feed = new SimulatedFeed(new SimulatorOptions { Symbols = SimulatorOptions.ForSymbols(s_symbols, 1), QuotesPerSecond = 50_000, Paced = false }, system.Clock);
        var (switchRef, graph) = RunSoak(system, feed);
        var clock = Stopwatch.StartNew();
        Thread.Sleep(TimeSpan.FromSeconds(RssWarmUpSeconds));
        var before = WorkingSetAfterGc();
        var run = BenchmarkHost.SoakMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : TimeSpan.FromSeconds(RssRunSeconds);
        var samples = new List<long> { start, before };
        if (BenchmarkHost.SoakMinutes is not null) PrintSoakSample(clock.Elapsed, before, graph, Sum(received), subscribers);
        while (clock.Elapsed < run)
        {
            var wait = BenchmarkHost.SoakMinutes is null ? run - clock.Elapsed : TimeSpan.FromSeconds(Math.Min(SoakSampleSeconds, (run - clock.Elapsed).TotalSeconds));
            if (wait > TimeSpan.Zero) Thread.Sleep(wait);
            samples.Add(WorkingSetAfterGc());
            if (BenchmarkHost.SoakMinutes is not null) PrintSoakSample(clock.Elapsed, samples[^1], graph, Sum(received), subscribers);
        }
        var after = samples[^1];
        switchRef.Shutdown();
        graph.Completion.GetAwaiter().GetResult();
        if (BenchmarkHost.SoakMinutes is not null)
        {
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"soak: start {Mib(start):F1} MiB (before the graph), after warm-up {Mib(before):F1}, max {Mib(samples.Max()):F1}, end {Mib(after):F1}"));
        }
        return Mib(after - before);
    }

    private static double Mib(long bytes) => bytes / (1024.0 * 1024.0);

    // Published minus received: quotes waiting in the subscribers' mailboxes (nothing slows an unpaced feed down to them).
    private static void PrintSoakSample(TimeSpan elapsed, long workingSet, MarketDataGraphHandle graph, long received, List<IActorRef> subscribers)
    {
        var published = graph.Bucket.Snapshot().Delivered;
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"soak t={elapsed.TotalSeconds:F0}s rss={Mib(workingSet):F1} MiB managed={Mib(GC.GetTotalMemory(false)):F1} MiB published={published} received={received} waiting={published - received} mailbox-slots={MailboxCapacity.Slots(subscribers)}"));
    }

    private static (UniqueKillSwitch, MarketDataGraphHandle) RunSoak(ActorSystem system, SimulatedFeed feed)
    {
        UniqueKillSwitch? killSwitch = null;
        var source = MarketDataGraph.FromFeed(feed)
            .ViaMaterialized(KillSwitches.Single<MarketDataMessage>(), Keep.Right)
            .MapMaterializedValue(k => killSwitch = k);
        var settings = Unthrottled() with { Cleaning = new CleaningOptions { CheckClock = false } };
        var handle = MarketDataGraph.Create(source, settings, new PubSubMarketDataPublisher(DistributedPubSub.Get(system)), system.Clock).Run(system.Materializer());
        return (killSwitch!, handle);
    }

    private static long Sum(long[] counts)
    {
        long sum = 0;
        for (var i = 0; i < counts.Length; i += CountStride) sum += Volatile.Read(ref counts[i]);
        return sum;
    }

    // Aggressive: the GC also gives back memory it holds committed (an earlier benchmark in this process left some).
    private static long WorkingSetAfterGc()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    // Rates off, capacity high: the benchmark measures the graph's work, not the bucket's pacing.
    private static MarketDataGraphSettings Unthrottled() => new()
    {
        Cleaning = new CleaningOptions { CheckClock = false },
        Bucket = new FairLeakyBucketSettings { PerKeyRate = 0, GlobalRate = 0, IdleCapacity = 1_000_000, MaxCapacity = 1_000_000 },
        BarTick = TimeSpan.Zero,
        // For side-by-side runs: SERENITY_BENCH_TWO_ISLANDS=1 puts the bucket and the quote publishing on an island of their own.
        QuotesOnOwnIsland = Environment.GetEnvironmentVariable("SERENITY_BENCH_TWO_ISLANDS") is not null,
    };

    /// <summary>Alpaca wire frames of <see cref="QuotesPerFrame"/> messages each.</summary>
    private static List<byte[]> Frames(List<MarketDataMessage> messages)
    {
        var frames = new List<byte[]>();
        var buffer = new ArrayBufferWriter<byte>(256 * QuotesPerFrame);
        foreach (var chunk in messages.Chunk(QuotesPerFrame))
        {
            buffer.ResetWrittenCount();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartArray();
                foreach (var m in chunk) Write(w, m);
                w.WriteEndArray();
            }
            frames.Add(buffer.WrittenSpan.ToArray());
        }
        return frames;
    }

    private static void Write(Utf8JsonWriter w, MarketDataMessage m)
    {
        w.WriteStartObject();
        switch (m)
        {
            case Quote q:
                w.WriteString("T", "q");
                w.WriteString("S", q.Symbol);
                w.WriteString("bx", q.BidExchange.ToString());
                w.WriteNumber("bp", q.BidPrice);
                w.WriteNumber("bs", q.BidSize);
                w.WriteString("ax", q.AskExchange.ToString());
                w.WriteNumber("ap", q.AskPrice);
                w.WriteNumber("as", q.AskSize);
                w.WriteString("t", q.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteStartArray("c");
                w.WriteStringValue("R");
                w.WriteEndArray();
                w.WriteString("z", "C");
                break;
            case Trade t:
                w.WriteString("T", "t");
                w.WriteNumber("i", t.Id);
                w.WriteString("S", t.Symbol);
                w.WriteString("x", t.Exchange.ToString());
                w.WriteNumber("p", t.Price);
                w.WriteNumber("s", t.Size);
                w.WriteString("t", t.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteStartArray("c");
                w.WriteStringValue("@");
                w.WriteEndArray();
                w.WriteString("z", "C");
                break;
        }
        w.WriteEndObject();
    }

    private sealed class CountingSubscriber : ReceiveActor
    {
        public CountingSubscriber(long[] counts, int slot)
        {
            Receive<Quote>(_ => counts[slot]++);
            Receive<Bar>(_ => { });
        }
    }
}
