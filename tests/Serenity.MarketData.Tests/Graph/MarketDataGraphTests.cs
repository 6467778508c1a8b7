using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.MarketData.Cleaning;
using Serenity.MarketData.Alpaca;
using Serenity.MarketData.Graph;
using Serenity.MarketData.Simulation;
using Serenity.Streams;
using Serenity.Streams.Dsl;
using Serenity.Streams.FairBucket;
using Serenity.TestKit;

namespace Serenity.MarketData.Tests.Graph;

public sealed class MarketDataGraphTests : TestKit.TestKit
{
    private static readonly DateTime s_t0 = new(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc);

    private static readonly MarketDataGraphSettings s_open = new()
    {
        Cleaning = new CleaningOptions { CheckClock = false },
        Bucket = new FairLeakyBucketSettings { PerKeyRate = 0, GlobalRate = 0, IdleCapacity = 10_000, MaxCapacity = 10_000 },
        BarTick = TimeSpan.Zero,
    };

    private readonly DistributedPubSub _pubSub;

    public MarketDataGraphTests() => _pubSub = DistributedPubSub.Get(Sys);

    private TestProbe Subscribe(string topic)
    {
        var probe = CreateTestProbe();
        _pubSub.Subscribe(topic, probe);
        return probe;
    }

    private MarketDataGraphHandle Run(IEnumerable<MarketDataMessage> messages, MarketDataGraphSettings settings) =>
        MarketDataGraph.Create(Source.From(messages), settings, new PubSubMarketDataPublisher(_pubSub), Sys.Clock).Run(Sys.Materializer());

    [Fact]
    public void A_family_without_subscribers_is_skipped_until_its_first_subscriber_comes()
    {
        var publisher = new PubSubMarketDataPublisher(_pubSub);
        var trade = new Trade("ZZTOP", s_t0, 10m, 1m, 1, 'V', Conditions.None, 'C');
        publisher.PublishTrade(trade); // nobody listens to trades.*: skipped without a lookup

        var probe = Subscribe(PubSubMarketDataPublisher.TradesTopic("ZZTOP"));
        publisher.PublishTrade(trade with { Price = 11m });
        Assert.Equal(11m, probe.ExpectMsg<Trade>().Price);

        _pubSub.Unsubscribe(PubSubMarketDataPublisher.TradesTopic("ZZTOP"), probe);
        publisher.PublishTrade(trade with { Price = 12m });
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Clean_quotes_go_to_their_symbol_topic_and_bad_ones_are_counted()
    {
        var aapl = Subscribe("quotes.AAPL");
        var msft = Subscribe("quotes.MSFT");
        var good = new Quote("AAPL", s_t0, 10, 1, 10.01m, 1);
        var handle = Run(
            [good, new Quote("AAPL", s_t0, 10.02m, 1, 10.01m, 1), new Quote("MSFT", s_t0, 20, 1, 20.01m, 1), new StreamSuccess("connected")],
            s_open);
        Assert.Equal(good, aapl.ExpectMsg<Quote>());
        Assert.Equal("MSFT", msft.ExpectMsg<Quote>().Symbol);
        aapl.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, handle.Cleaning[CleanReason.Crossed]);
        Assert.Equal(2, handle.Bucket.Snapshot().Delivered);
    }

    [Fact]
    public async Task Trades_become_minute_bars_on_the_bar_topic()
    {
        var bars = Subscribe("bars.AAPL");
        var handle = Run(
            [
                new Trade("AAPL", s_t0.AddSeconds(5), 10, 100),
                new Trade("AAPL", s_t0.AddSeconds(50), 11, 100),
                new Trade("AAPL", s_t0.AddSeconds(65), 12, 100),
            ],
            s_open);
        Assert.Equal(new Bar("AAPL", s_t0, 10, 11, 10, 11, 200, 2, 10.5m), bars.ExpectMsg<Bar>());
        Assert.Equal(new Bar("AAPL", s_t0.AddMinutes(1), 12, 12, 12, 12, 100, 1, 12), bars.ExpectMsg<Bar>()); // flushed at the end
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, handle.Bars.BarsEmitted);
    }

    [Fact]
    public async Task Trades_and_trading_status_go_to_their_topics_and_bad_trades_do_not()
    {
        var trades = Subscribe("trades.AAPL");
        var status = Subscribe("status.AAPL");
        var good = new Trade("AAPL", s_t0, 10, 100);
        var halt = new TradingStatus("AAPL", s_t0.AddSeconds(1), TradingStatus.HaltCode, "Trading Halt", "LUDP", "Volatility Trading Pause");
        var handle = Run([good, new Trade("AAPL", s_t0.AddSeconds(2), -1, 100), halt], s_open);
        Assert.Equal(good, trades.ExpectMsg<Trade>());
        Assert.Equal(halt, status.ExpectMsg<TradingStatus>());
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        trades.ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // the non-positive price was cleaned out
        Assert.Equal(1, handle.Cleaning[CleanReason.NonPositivePrice]);
    }

    [Fact]
    public void The_simulators_halt_scenario_reaches_the_status_topic()
    {
        var status = Subscribe("status.MSFT");
        var options = new SimulatorOptions
        {
            Symbols = SimulatorOptions.ForSymbols(["AAPL", "MSFT"], 1),
            Paced = false,
            Scenarios = [new Halt(TimeSpan.FromSeconds(1), "MSFT", TimeSpan.FromSeconds(5))],
        };
        var feed = new SimulatedFeed(options, Sys.Clock);
        MarketDataGraph.Create(MarketDataGraph.FromFeed(feed).Take(20_000), s_open, new PubSubMarketDataPublisher(_pubSub), Sys.Clock).Run(Sys.Materializer());
        Assert.Equal(TradingStatus.HaltCode, status.ExpectMsg<TradingStatus>(TimeSpan.FromSeconds(10)).StatusCode);
        Assert.Equal(TradingStatus.ResumeCode, status.ExpectMsg<TradingStatus>(TimeSpan.FromSeconds(10)).StatusCode);
    }

    [Fact]
    public async Task Completion_waits_for_the_last_bars_to_be_published()
    {
        var publisher = new RecordingPublisher();
        var handle = MarketDataGraph.Create(
            Source.From<MarketDataMessage>([new Trade("AAPL", s_t0, 10, 1), new Trade("MSFT", s_t0, 20, 1)]), s_open, publisher, Sys.Clock).Run(Sys.Materializer());
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, publisher.Bars.Count);
    }

    [Fact]
    public void The_clock_closes_bars_when_trading_stops()
    {
        var bars = Subscribe("bars.AAPL");
        var start = Clock.GetUtcNow().UtcDateTime;
        var settings = s_open with { BarTick = TimeSpan.FromSeconds(1), BarClockDelay = TimeSpan.FromSeconds(2) };
        var feed = MarketDataGraph.FromFeed(new ListThenWaitFeed([new Trade("AAPL", start.AddSeconds(1), 10, 5)]));
        MarketDataGraph.Create(feed, settings, new PubSubMarketDataPublisher(_pubSub), Sys.Clock).Run(Sys.Materializer());
        AwaitAssert(() => Assert.True(Clock.PendingTimers > 0));
        Advance(TimeSpan.FromSeconds(61));
        bars.ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // the watermark is at 59 s
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(5, bars.ExpectMsg<Bar>().Volume);
    }

    [Fact]
    public async Task A_burst_of_one_symbol_is_rationed_by_the_bucket_without_starving_the_others()
    {
        var aapl = Subscribe("quotes.AAPL");
        var msft = Subscribe("quotes.MSFT");
        var settings = s_open with { Bucket = new FairLeakyBucketSettings { PerKeyRate = 10, GlobalRate = 1000, IdleCapacity = 2, MaxCapacity = 5 } };
        var burst = Enumerable.Range(0, 100).Select(i => (MarketDataMessage)new Quote("AAPL", s_t0, 10, 1, 10.01m + (i / 1000m), 1)).ToList();
        burst.Add(new Quote("MSFT", s_t0, 20, 1, 20.01m, 1));
        var handle = Run(burst, settings);
        Assert.Equal("AAPL", aapl.ExpectMsg<Quote>().Symbol);
        Assert.Equal("MSFT", msft.ExpectMsg<Quote>().Symbol); // not behind AAPL's backlog
        AwaitAssert(() => Assert.Equal(97, handle.Bucket.Get("AAPL")!.Dropped));
        Advance(TimeSpan.FromSeconds(1));
        aapl.ReceiveN(2);
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Parsed_frames_run_through_the_graph()
    {
        var quotes = Subscribe("quotes.AMD");
        var frames = new[] { Support.Frames.QuoteAmd, "[garbage" }.Select(f => (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes(f.StartsWith('[') ? f : "[" + f + "]"));
        var (errors, handle) = Source.From(frames)
            .ViaMaterialized(MarketDataGraph.Parse(), Keep.Right)
            .ToMaterialized(Sink.Seq<MarketDataMessage>(), Keep.Both)
            .Run(Sys.Materializer());
        Assert.Single(await handle.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, errors.Total);
        _ = quotes;
    }

    [Fact]
    public async Task Parsed_frames_come_out_one_message_at_a_time_in_frame_order_across_the_parse_island()
    {
        // 40 frames of 25 quotes with rising bids, a garbage frame and an empty array between every few.
        var frames = new List<string>();
        for (var f = 0; f < 40; f++)
        {
            frames.Add(Support.Frames.Quotes("AMD", 25, f * 25));
            if (f % 7 == 3) frames.Add("[garbage");
            if (f % 5 == 1) frames.Add("[]");
        }
        var (errors, all) = Source.From(frames.Select(f => (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes(f)))
            .ViaMaterialized(MarketDataGraph.Parse(), Keep.Right)
            .ToMaterialized(Sink.Seq<MarketDataMessage>(), Keep.Both)
            .Run(Sys.Materializer());
        var bids = (await all.WaitAsync(TimeSpan.FromSeconds(5))).Cast<Quote>().Select(q => q.BidPrice).ToList();
        Assert.Equal(Enumerable.Range(0, 1_000).Select(i => 100 + (i / 100m)), bids);
        Assert.Equal(6, errors.Total);
    }

    [Fact]
    public async Task With_the_quotes_on_their_own_island_every_quote_bar_and_trade_still_arrives_in_order()
    {
        var quotes = Subscribe("quotes.AAPL");
        var trades = Subscribe("trades.AAPL");
        var bars = Subscribe("bars.AAPL");
        var messages = Enumerable.Range(0, 2_000).Select(i => (MarketDataMessage)(i % 10 == 9
            ? new Trade("AAPL", s_t0.AddSeconds(i * 0.05), 10, 1, i)
            : new Quote("AAPL", s_t0.AddSeconds(i * 0.05), 10 + (i * 0.01m), 1, 10.5m + (i * 0.01m), 1)));
        var handle = Run([.. messages, new Trade("AAPL", s_t0.AddMinutes(5), 10, 1, 9_999)], s_open with { QuotesOnOwnIsland = true });
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        var bids = quotes.ReceiveN(1_800).Cast<Quote>().Select(q => q.BidPrice).ToList();
        Assert.Equal(bids.Order().ToList(), bids);
        Assert.Equal(201, trades.ReceiveN(201).Count);
        Assert.Equal(200, bars.ExpectMsg<Bar>().TradeCount + bars.ExpectMsg<Bar>().TradeCount);
    }

    [Fact]
    public async Task The_simulator_feeds_the_graph()
    {
        var symbols = new[] { "AAPL", "MSFT" };
        var probe = Subscribe("quotes.MSFT");
        var feed = new SimulatedFeed(new SimulatorOptions { Symbols = SimulatorOptions.ForSymbols(symbols, 1), Paced = false }, Sys.Clock);
        var handle = MarketDataGraph.Create(MarketDataGraph.FromFeed(feed).Take(1000), s_open with { Cleaning = new CleaningOptions { CheckClock = true, MaxAge = TimeSpan.FromDays(1) } }, new PubSubMarketDataPublisher(_pubSub), Sys.Clock)
            .Run(Sys.Materializer());
        probe.ExpectMsg<Quote>();
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, handle.Cleaning.Dropped);
    }

    [Fact]
    public void The_configured_pipeline_publishes_simulated_quotes_as_virtual_time_passes()
    {
        using var system = ActorSystem.Create("pipeline", Hocon.ConfigurationFactory.ParseString("serenity.stdout-loglevel = OFF\nserenity.market-data.simulator.quotes-per-second = 1000"), Clock);
        var probe = CreateTestProbe();
        DistributedPubSub.Get(system).Subscribe("quotes.AAPL", probe);
        var handle = MarketData.Configuration.MarketDataPipeline.Run(system);
        AwaitAssert(() => Assert.True(Clock.PendingTimers > 0));
        Advance(TimeSpan.FromSeconds(1));
        var quote = probe.ExpectMsg<Quote>();
        Assert.True(quote.Timestamp <= Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(0, handle.Cleaning.Dropped);
    }

    private sealed class RecordingPublisher : IMarketDataPublisher
    {
        public System.Collections.Concurrent.ConcurrentQueue<Bar> Bars { get; } = new();

        public void PublishQuote(Quote quote)
        {
        }

        public void PublishBar(Bar bar) => Bars.Enqueue(bar);
    }

    [Fact]
    public async Task The_alpaca_client_is_a_source_from_the_fake_server_to_the_topics()
    {
        await using var server = await FakeAlpaca.FakeAlpacaServer.StartAsync();
        await using var client = new AlpacaStreamClient(new AlpacaStreamOptions
        {
            Endpoint = server.StreamUri(),
            Credentials = new AlpacaCredentials(server.Options.KeyId, server.Options.SecretKey),
            Clock = Sys.Clock,
            Backoff = ReconnectBackoff.None,
            StallTimeout = Timeout.InfiniteTimeSpan,
        });
        await client.SubscribeAsync(["AMD", "AAPL"], StreamChannel.Quotes, StreamChannel.Trades);
        var quotes = Subscribe("quotes.AMD");
        var bars = Subscribe("bars.AAPL");
        var handle = MarketDataGraph.Create(client.AsSource(), s_open, new PubSubMarketDataPublisher(_pubSub), Sys.Clock).Run(Sys.Materializer());
        await server.WaitForAsync<FakeAlpaca.SubscriptionChanged>();
        await server.BroadcastAsync(Support.Frames.EveryDataType);
        Assert.Equal(87.66m, quotes.ExpectMsg<Quote>().BidPrice);
        await server.BroadcastAsync("""[{"T":"t","i":2,"S":"AAPL","x":"D","p":127,"s":5,"t":"2024-02-22T15:53:44Z","z":"C"}]""");
        var bar = bars.ExpectMsg<Bar>(); // the second trade's watermark closes the 15:51 minute
        Assert.Equal((new DateTime(2024, 2, 22, 15, 51, 0, DateTimeKind.Utc), 126.55m, 1L), (bar.Timestamp, bar.Close, bar.TradeCount));
        Assert.False(handle.Completion.IsCompleted);
    }

    /// <summary>Emits its messages, then nothing until cancelled (a live feed gone quiet).</summary>
    private sealed class ListThenWaitFeed(IReadOnlyList<MarketDataMessage> messages) : IMarketDataFeed
    {
        public async IAsyncEnumerable<MarketDataMessage> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var m in messages) yield return m;
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
