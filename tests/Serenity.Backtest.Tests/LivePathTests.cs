using Serenity.Cluster.PubSub;
using Serenity.MarketData;
using Serenity.MarketData.Graph;
using Serenity.Risk.Entities;
using Serenity.Risk.Entities.Strategies;
using Serenity.Risk.Strategies;
using Serenity.Trading;

namespace Serenity.Backtest.Tests;

/// <summary>
/// The backtest is the live path, not a copy of it: the same bars published live in a TestKit system (through the
/// market-data graph's publisher, synchronized by TestKit expectations instead of the backtest's barrier) produce the
/// same signals and the same fills, price and time included.
/// </summary>
public sealed class LivePathTests : Serenity.TestKit.TestKit
{
    private static readonly BacktestOptions Run = TestData.Options("AAPL", "MSFT").Validated();
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public LivePathTests()
        : base(BacktestConfig.For(Run))
    {
    }

    [Fact]
    public async Task Live_publishing_of_the_same_bars_gives_the_backtests_signals_and_fills()
    {
        var bars = Run.Symbols.SelectMany((s, i) => TestData.Walk(s, TestData.SessionOpen, 240, seed: i + 3)).ToList();
        var backtest = await Backtest(bars);
        Assert.True(backtest.Trades.Count >= 4, $"only {backtest.Trades.Count} trades: " + string.Join("; ", backtest.Signals.Select(s => $"{s.Symbol} {s.Kind} {s.BarTimestamp:HH:mm} {s.Status} {s.RejectReason}")));

        var trading = TradingEntities.Start(Sys);
        var risk = RiskEntities.Start(Sys);
        var user = Run.User;
        foreach (var s in Run.Symbols) await trading.Ticker(s).Ask<TickerView>(new GetTicker(), Bound);
        Assert.True((await trading.Account(user).Ask<CommandResult>(new Register(user, "live-password"), Bound)).Success);
        foreach (var s in Run.Symbols) Assert.True((await risk.Strategies(user).Ask<CommandResult>(new EnableStrategy(s, "sma-cross", Run.Quantity), Bound)).Success);
        var signals = CreateTestProbe();
        DistributedPubSub.Get(Sys).Subscribe(RiskTopics.Signals(user), signals);

        // The reference strategy says which minutes signal, so the test knows when to wait for an order to settle.
        var reference = Run.Symbols.ToDictionary(s => s, s => new SmaCrossoverStrategy(s, Run.Quantity), StringComparer.Ordinal);
        var publisher = new PubSubMarketDataPublisher(DistributedPubSub.Get(Sys));
        foreach (var minute in bars.GroupBy(b => b.Timestamp).OrderBy(g => g.Key))
        {
            var end = minute.Key.AddMinutes(1);
            Advance(end - Clock.GetUtcNow().UtcDateTime);
            var ordered = minute.OrderBy(b => b.Symbol, StringComparer.Ordinal).ToList();
            // The whole minute at once, as the backtest publishes it: the Account decides orders in submission order.
            foreach (var bar in ordered) publisher.PublishQuote(SyntheticQuotes.For(bar, Run.SpreadBasisPoints, end));
            foreach (var bar in ordered) publisher.PublishBar(bar);
            var expected = ordered.Count(bar => reference[bar.Symbol].OnBar(bar) is not null);
            // Each signal is published once pending and once settled: wait for all of them before the next minute.
            var updates = Enumerable.Range(0, 2 * expected).Select(_ => signals.ExpectMsg<SignalUpdated>(Bound).Signal).ToList();
            Assert.Equal(expected, updates.Count(u => u.Status == SignalOrderStatus.Pending));
            Assert.Equal(
                updates.Where(u => u.Status == SignalOrderStatus.Pending).Select(u => u.ClientOrderId).Order(StringComparer.Ordinal),
                updates.Where(u => u.Status != SignalOrderStatus.Pending).Select(u => u.ClientOrderId).Order(StringComparer.Ordinal));
        }

        var live = await trading.Account(user).Ask<TradesView>(new GetTrades(10_000), Bound);
        var liveSignals = await risk.Strategies(user).Ask<SignalsView>(new GetSignals(null, 10_000), Bound);
        Assert.Equal(
            backtest.Trades.Select(t => t.Fill),
            live.Trades.Reverse());
        Assert.Equal(
            backtest.Signals.Select(s => (s.Symbol, s.Kind, s.BarTimestamp, s.ClientOrderId, s.Status, s.FillPrice)),
            liveSignals.Signals.Reverse().Select(s => (s.Symbol, s.Kind, s.BarTimestamp, s.ClientOrderId, s.Status, s.FillPrice)));
    }

    private static async Task<BacktestResult> Backtest(IReadOnlyList<Bar> bars)
    {
        using var store = TestData.NewStore(out var root);
        try
        {
            store.InsertDays(bars, "test");
            return await BacktestRunner.RunAsync(store, Run);
        }
        finally
        {
            TestData.Delete(root);
        }
    }
}
