using Serenity.MarketData.Alpaca;
using Serenity.MarketData.Bars;
using Serenity.MarketData.Cleaning;
using Serenity.Streams;
using Serenity.Streams.Dsl;
using Serenity.Streams.FairBucket;

namespace Serenity.MarketData.Graph;

/// <summary>The graph's knobs (see <c>serenity.market-data</c> in serenity.conf).</summary>
public sealed record MarketDataGraphSettings
{
    /// <summary>Cleaning tolerances.</summary>
    public CleaningOptions Cleaning { get; init; } = new();

    /// <summary>The fair leaky bucket that rations quotes between symbols.</summary>
    public FairLeakyBucketSettings Bucket { get; init; } = new();

    /// <summary>Bar windows.</summary>
    public BarOptions Bars { get; init; } = new();

    /// <summary>How often the clock moves the bar watermark (0: only trades move it).</summary>
    public TimeSpan BarTick { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock-driven watermark runs this far behind "now" (venues report up to 10 s late).</summary>
    public TimeSpan BarClockDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs the fair bucket and the quote publishing on their own island (an async boundary after cleaning), beside
    /// parsing, cleaning and the bars. Off by default: it halves the serial work per quote (the rate's limit when a
    /// second core is free) but costs ~0.4 µs more CPU per quote, which loses whenever the cores are busy anyway.
    /// </summary>
    public bool QuotesOnOwnIsland { get; init; }
}

/// <summary>What a running graph reports; <see cref="Completion"/> ends when both branches have published everything.</summary>
public sealed record MarketDataGraphHandle(Task Completion, CleaningCounters Cleaning, IFairBucketStats<string> Bucket, IBarStats Bars)
{
    /// <summary>The Alpaca connection's state and events when the source is Alpaca's stream; null for the simulator and replay.</summary>
    public StreamConnectionStatus? Connection { get; init; }
}

/// <summary>
/// The market-data graph: source → clean and split by kind → (quotes) fair leaky bucket → publish <c>quotes.{SYM}</c>, and
/// (trades) 1-minute event-time windows → OHLCV + VWAP + count bars → publish <c>bars.{SYM}</c>; clean trades
/// and trading status changes are also published as they are on <c>trades.{SYM}</c> and <c>status.{SYM}</c>.
/// Trades and status go around the bucket: dropping one would falsify the volume or miss a halt. Each <see cref="Create{TMat}"/> builds fresh
/// state (cleaner, windows): run each graph it returns once.
/// </summary>
public static class MarketDataGraph
{
    /// <summary>The whole graph from <paramref name="source"/> to <paramref name="publisher"/>.</summary>
    public static RunnableGraph<MarketDataGraphHandle> Create<TMat>(
        Source<MarketDataMessage, TMat> source,
        MarketDataGraphSettings settings,
        IMarketDataPublisher publisher,
        TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(publisher);
        var cleaner = new TickCleaner(settings.Cleaning, clock);
        var barStats = new BarStatsProxy(); // the bar branch's value is not kept by AlsoTo: the stage fills this in
        var barsDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bars = Flow.FromGraph(new BarStage(settings.Bars, settings.BarTick, settings.BarClockDelay, barStats))
            .To(new PublishSink<Bar>(publisher.PublishBar, barsDone));
        var eventsDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tradesAndStatus = Sink.FromGraph(new PublishSink<MarketDataMessage>(m => PublishEvent(publisher, m), eventsDone));
        var events = Flow.Create<MarketDataMessage>().AlsoTo(bars).To(tradesAndStatus);
        // Only quotes reach the bucket (SplitQuotes sends nothing else that way). The parser's symbol id saves the bucket's lookup.
        var quotes = Flow.FromGraph(FairLeakyBucket.Create<MarketDataMessage, string>(m => ((Quote)m).Symbol, m => ((Quote)m).SymbolId, settings.Bucket))
            .ToMaterialized(Sink.ForEach<MarketDataMessage>(m => publisher.PublishQuote((Quote)m)), Keep.Both);
        // Optionally two islands: parsing, cleaning and the bars on one thread, the bucket and the quote publishing on
        // another, so the graph's serial work per quote is split over two cores.
        if (settings.QuotesOnOwnIsland) quotes = quotes.Async();
        return source
            .Via(CleanAndSplit(cleaner, events))
            .ToMaterialized(quotes, (_, q) => new MarketDataGraphHandle(Task.WhenAll(q.Item2, barsDone.Task, eventsDone.Task), cleaner.Counters, q.Item1, barStats));
    }

    // Clean messages on to the quotes branch; trades and status changes into `events`.
    private static Flow<MarketDataMessage, MarketDataMessage, NotUsed> CleanAndSplit(TickCleaner cleaner, Sink<MarketDataMessage, NotUsed> events) =>
        Flow.FromGraph(GraphDsl.Create(b =>
        {
            var split = b.Add(new SplitQuotes(cleaner.Clean));
            b.From(split.Out(1)).To(events);
            return new FlowShape<MarketDataMessage, MarketDataMessage>(split.In, split.Out(0));
        }));

    private static void PublishEvent(IMarketDataPublisher publisher, MarketDataMessage e)
    {
        if (e is Trade trade) publisher.PublishTrade(trade);
        else if (e is TradingStatus status) publisher.PublishStatus(status);
    }

    /// <summary>
    /// The parse step: raw Alpaca frames to messages; materializes the parse error counters. Parsing runs on an
    /// island of its own (an async boundary after it, crossed once per frame), beside cleaning, the bucket and
    /// publishing, as the Alpaca client parses on its socket's thread. Frames are parsed after they cross from
    /// the upstream island, so a source must not reuse a frame's memory once it has pushed it.
    /// </summary>
    public static Flow<ReadOnlyMemory<byte>, MarketDataMessage, ParseErrorCounters> Parse() =>
        Flow.FromGraph(new ParseFrames()).Async().Via(new EmitEach<MarketDataMessage>());

    /// <summary>A feed (Alpaca client, simulator, replay) as a source.</summary>
    public static Source<MarketDataMessage, NotUsed> FromFeed(IMarketDataFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return Source.FromGraph(new FeedSource<MarketDataMessage>(feed.ReadAllAsync));
    }
}

/// <summary>Feeds as stream sources.</summary>
public static class MarketDataFeedExtensions
{
    /// <summary>The feed (Alpaca client, simulator, replay) as a <see cref="Source{TOut, TMat}"/>.</summary>
    public static Source<MarketDataMessage, NotUsed> AsSource(this IMarketDataFeed feed) => MarketDataGraph.FromFeed(feed);
}
