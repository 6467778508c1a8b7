using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.MarketData;
using Xunit.Abstractions;

namespace Serenity.Trading.Tests;

public sealed class TickerTests(ITestOutputHelper output) : TradingTestBase(output, "serenity.trading.bar-window = 30\nserenity.trading.snapshot-every = 7")
{
    private static readonly DateTime Day1 = new(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc);

    private static Bar MinuteBar(string symbol, DateTime at, decimal close, decimal volume = 100m) =>
        new(symbol, at, close - 0.5m, close + 1m, close - 1m, close, volume, 10, close);

    private void Publish(string topic, object message) => DistributedPubSub.Get(Sys).Publish(topic, message);

    private TickerView View(string symbol) => Entities.Ticker(symbol).Ask<TickerView>(new GetTicker(), Bound).GetAwaiter().GetResult();

    private BarsView Bars(string symbol, GetBars q) => Entities.Ticker(symbol).Ask<BarsView>(q, Bound).GetAwaiter().GetResult();

    private void Start(string symbol) => Assert.Equal(symbol, View(symbol).Symbol); // creates the entity, which subscribes

    [Fact]
    public void Follows_quotes_trades_bars_and_computes_sma10_and_sma20_of_the_minute_closes()
    {
        Start("AAPL");
        for (var i = 0; i < 25; i++) Publish("bars.AAPL", MinuteBar("AAPL", Day1.AddMinutes(i), 100m + i));
        Publish("quotes.AAPL", new Quote("AAPL", Day1.AddMinutes(25), 124.9m, 3m, 125.1m, 4m));
        Publish("trades.AAPL", new Trade("AAPL", Day1.AddMinutes(25), 125m, 50m));
        AwaitAssert(() => Assert.NotNull(View("AAPL").LastTrade), Bound);

        var view = View("AAPL");
        Assert.Equal(new TickerQuote("AAPL", 124.9m, 3m, 125.1m, 4m, Day1.AddMinutes(25)), view.Quote);
        Assert.Equal(new TickerTrade(125m, 50m, Day1.AddMinutes(25)), view.LastTrade);
        Assert.Equal(119.5m, view.Sma10); // closes 115..124
        Assert.Equal(114.5m, view.Sma20); // closes 105..124
        Assert.Equal(99.5m, view.ReferencePrice); // no earlier day: the first price of the day (the first bar's open)
        Assert.False(view.Halted);
    }

    [Fact]
    public void Sma_is_null_until_enough_bars_and_an_older_quote_is_ignored()
    {
        Start("MSFT");
        for (var i = 0; i < 9; i++) Publish("bars.MSFT", MinuteBar("MSFT", Day1.AddMinutes(i), 10m));
        Publish("quotes.MSFT", new Quote("MSFT", Day1.AddMinutes(5), 9m, 1m, 11m, 1m));
        Publish("quotes.MSFT", new Quote("MSFT", Day1.AddMinutes(4), 8m, 1m, 12m, 1m));
        AwaitAssert(() => Assert.Equal(9m, View("MSFT").Quote?.Bid), Bound);
        var view = View("MSFT");
        Assert.Null(view.Sma10);
        Assert.Null(view.Sma20);
        Assert.Equal(9, Bars("MSFT", new GetBars()).Bars.Count);
    }

    [Fact]
    public void The_bar_window_is_bounded_an_updated_bar_replaces_its_minute_and_daily_bars_are_ignored()
    {
        Start("AMD");
        for (var i = 0; i < 40; i++) Publish("bars.AMD", MinuteBar("AMD", Day1.AddMinutes(i), 50m + i));
        Publish("bars.AMD", MinuteBar("AMD", Day1.AddMinutes(39), 1000m) with { Kind = BarKind.Updated });
        Publish("bars.AMD", MinuteBar("AMD", Day1, 5m) with { Kind = BarKind.Daily });
        AwaitAssert(() => Assert.Equal(1000m, Bars("AMD", new GetBars()).Bars[^1].Close), Bound);
        var bars = Bars("AMD", new GetBars()).Bars;
        Assert.Equal(30, bars.Count);
        Assert.Equal(Day1.AddMinutes(10), bars[0].Timestamp);
        Assert.All(bars, b => Assert.Equal(BarKind.Minute, b.Kind));
    }

    [Fact]
    public void Get_bars_filters_by_time_and_aggregates_to_buckets()
    {
        Start("SPY");
        // 14:30 .. 14:41: buckets of 5 minutes start at 14:30, 14:35 and 14:40.
        for (var i = 0; i < 12; i++) Publish("bars.SPY", new Bar("SPY", Day1.AddMinutes(i), 10m + i, 11m + i, 9m + i, 10.5m + i, 100m * (i + 1), i + 1, 10m + i));
        AwaitAssert(() => Assert.Equal(12, Bars("SPY", new GetBars()).Bars.Count), Bound);

        var five = Bars("SPY", new GetBars(BucketMinutes: 5));
        Assert.Equal(5, five.BucketMinutes);
        Assert.Equal(3, five.Bars.Count);
        var first = five.Bars[0];
        Assert.Equal(Day1, first.Timestamp);
        Assert.Equal((10m, 15m, 9m, 14.5m), (first.Open, first.High, first.Low, first.Close));
        Assert.Equal(1500m, first.Volume); // 100 + 200 + ... + 500
        Assert.Equal(15, first.TradeCount);
        // VWAP: (10x100 + 11x200 + 12x300 + 13x400 + 14x500) / 1500 = 19000 / 1500
        Assert.Equal(Math.Round(19000m / 1500m, 4), first.Vwap);
        Assert.Equal((2300m, 23L), (five.Bars[2].Volume, five.Bars[2].TradeCount)); // 14:40 and 14:41

        var filtered = Bars("SPY", new GetBars(Day1.AddMinutes(2), Day1.AddMinutes(4)));
        Assert.Equal([Day1.AddMinutes(2), Day1.AddMinutes(3)], filtered.Bars.Select(b => b.Timestamp));
        var hour = Bars("SPY", new GetBars(BucketMinutes: 60));
        Assert.Equal(new DateTime(2026, 1, 5, 14, 0, 0, DateTimeKind.Utc), Assert.Single(hour.Bars).Timestamp);
    }

    [Fact]
    public void The_reference_price_is_the_last_price_before_the_trading_day()
    {
        Start("IBM");
        Publish("bars.IBM", MinuteBar("IBM", Day1, 100m));
        Publish("trades.IBM", new Trade("IBM", Day1.AddHours(6), 104m, 10m)); // 20:30, still day 1 (session close 21:00)
        Publish("trades.IBM", new Trade("IBM", Day1.AddDays(1), 110m, 10m));  // the next day's first trade
        AwaitAssert(() => Assert.Equal(110m, View("IBM").LastTrade?.Price), Bound);
        Assert.Equal(104m, View("IBM").ReferencePrice);
    }

    [Fact]
    public void A_halt_on_the_status_topic_rejects_orders_until_trading_resumes()
    {
        Registered("u");
        SetQuote("TSLA", 249m, 250m);
        Publish("status.TSLA", new TradingStatus("TSLA", Now, TradingStatus.HaltCode, "Trading Halt", "LUDP", "Volatility Trading Pause"));
        AwaitAssert(() => Assert.True(View("TSLA").Halted), Bound);

        var r = Submit("u", new SubmitOrder("TSLA", OrderSide.Buy, 1m));
        Assert.False(r.Accepted);
        Assert.Equal(("symbol", "market closed: TSLA is halted"), (r.Field, r.Reason));

        Publish("status.TSLA", new TradingStatus("TSLA", Now, TradingStatus.ResumeCode, "Trading Resumption", "", ""));
        AwaitAssert(() => Assert.False(View("TSLA").Halted), Bound);
        Assert.True(Submit("u", new SubmitOrder("TSLA", OrderSide.Buy, 1m)).Accepted);
    }

    [Fact]
    public void A_restarted_ticker_recovers_bars_halt_and_reference_from_snapshot_and_events_and_its_quote_from_the_interval_snapshot()
    {
        var store = Serenity.Persistence.Persistence.Get(Sys).Snapshots.Store;
        long SnapshotSeq() => store.LoadAsync("ticker-AAPL", Serenity.Persistence.Snapshots.SnapshotSelectionCriteria.Latest, CancellationToken.None).GetAwaiter().GetResult()?.SequenceNr ?? -1;
        var ticker = Sys.ActorOf(TickerEntity.Props("AAPL", Entities.Settings), "aapl-1");
        ticker.Tell(new GetTicker());
        ExpectMsg<TickerView>();
        // 10 bars and a halt: a snapshot after the 7th event (snapshot-every = 7), events 8..11 after it.
        for (var i = 0; i < 10; i++) Publish("bars.AAPL", MinuteBar("AAPL", Day1.AddMinutes(i), 100m + i));
        Publish("status.AAPL", new TradingStatus("AAPL", Day1.AddMinutes(10), TradingStatus.HaltCode, "Trading Halt", "", ""));
        AwaitAssert(() =>
        {
            ticker.Tell(new GetTicker());
            Assert.True(ExpectMsg<TickerView>().Halted);
        }, Bound);
        AwaitCondition(() => SnapshotSeq() == 7, Bound);
        ticker.Tell(new GetTicker());
        var before = ExpectMsg<TickerView>();
        StopAndWait(ticker);

        var again = Sys.ActorOf(TickerEntity.Props("AAPL", Entities.Settings), "aapl-2");
        again.Tell(new GetTicker());
        Assert.Equal(before, ExpectMsg<TickerView>());
        Assert.Equal((104.5m, 99.5m, true), (before.Sma10!.Value, before.ReferencePrice!.Value, before.Halted));
        again.Tell(new GetBars());
        Assert.Equal(10, ExpectMsg<BarsView>().Bars.Count);

        // Quotes are not journaled: the interval snapshot keeps the last one (and replaces the older snapshot).
        Publish("quotes.AAPL", new Quote("AAPL", Day1.AddMinutes(11), 108.9m, 1m, 109.1m, 1m));
        AwaitAssert(() =>
        {
            again.Tell(new GetQuote());
            Assert.NotNull(ExpectMsg<QuoteReply>().Quote);
        }, Bound);
        Advance(Entities.Settings.TickerSnapshotInterval);
        AwaitCondition(() => SnapshotSeq() == 11, Bound);
        StopAndWait(again);
        var third = Sys.ActorOf(TickerEntity.Props("AAPL", Entities.Settings), "aapl-3");
        third.Tell(new GetTicker());
        var view = ExpectMsg<TickerView>();
        Assert.Equal(109.1m, view.Quote?.Ask);
        Assert.True(view.Halted);
        AwaitCondition(() => store.LoadAsync("ticker-AAPL", new Serenity.Persistence.Snapshots.SnapshotSelectionCriteria(10), CancellationToken.None).GetAwaiter().GetResult() is null, Bound);
    }
}
