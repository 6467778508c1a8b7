using Serenity.Cluster.PubSub;
using Serenity.MarketData;
using Serenity.MarketData.Cleaning;
using Serenity.MarketData.Graph;
using Serenity.MarketData.Simulation;
using Serenity.Risk.Entities;
using Serenity.Risk.Entities.Strategies;
using Serenity.Risk.Strategies;
using Serenity.Streams;
using Serenity.Streams.Dsl;
using Serenity.Streams.FairBucket;
using Serenity.Trading;
using Xunit.Abstractions;

namespace Serenity.Risk.Tests.Entities;

/// <summary>The strategy runner trades through the Account on the simulator's bars.</summary>
public sealed class StrategyEntityTests(ITestOutputHelper output) : RiskTestBase(output)
{
    [Fact]
    public void Sma_crossover_trades_the_simulated_market_at_the_expected_crossings()
    {
        Registered("ann");
        Assert.Equal(CommandResult.Ok, Ask<CommandResult>(Risk.Strategies("ann"), new EnableStrategy("sim", "sma-cross", 10m)));
        Ask<StrategiesView>(Risk.Strategies("ann"), GetStrategies.Instance);
        Ask<TickerView>(Trading.Ticker("SIM"), new GetTicker());
        var bars = Follow("bars.SIM");
        var signals = Follow(RiskTopics.Signals("ann"));

        // Unpaced: the simulator's virtual timestamps run ahead of the clock, so the clock check is off.
        var options = new SimulatorOptions
        {
            Seed = 7,
            Symbols = [new SimulatedSymbol("SIM", 100m, AnnualVolatility: 1.5)],
            QuotesPerSecond = 1,
            TradeProbability = 1,
            BurstProbability = 0,
            Paced = false,
        };
        var settings = new MarketDataGraphSettings
        {
            Cleaning = new CleaningOptions { CheckClock = false },
            Bucket = new FairLeakyBucketSettings { PerKeyRate = 0, GlobalRate = 0, IdleCapacity = 100_000, MaxCapacity = 100_000 },
            BarTick = TimeSpan.Zero,
        };
        var feed = new SimulatedFeed(options, Sys.Clock);
        MarketDataGraph.Create(MarketDataGraph.FromFeed(feed).Take(2 * 90 * 60), settings, new PubSubMarketDataPublisher(DistributedPubSub.Get(Sys)), Sys.Clock)
            .Run(Sys.Materializer());

        var seen = new List<Bar>();
        while (seen.Count < 85) seen.Add(bars.ExpectMsg<Bar>(Bound));
        var reference = new SmaCrossoverStrategy("SIM", 10m);
        var expected = seen.Select(reference.OnBar).OfType<StrategySignal>().ToList();
        Assert.Contains(expected, s => s.Kind == SignalKind.Entry);
        Assert.Contains(expected, s => s.Kind == SignalKind.Exit);
        Assert.DoesNotContain(expected, s => s.Timestamp < seen[20].Timestamp); // never before 21 bars

        AwaitAssert(() =>
        {
            var got = Ask<SignalsView>(Risk.Strategies("ann"), new GetSignals("SIM")).Signals.Reverse().Take(expected.Count).ToList();
            Assert.Equal(expected.Select(s => (s.Kind, s.Timestamp)), got.Select(s => (s.Kind, s.BarTimestamp)));
            Assert.All(got, s => Assert.Equal(SignalOrderStatus.Accepted, s.Status));
        }, Bound);
        var trades = Ask<TradesView>(Trading.Account("ann"), new GetTrades()).Trades.Reverse().ToList();
        Assert.Equal(expected.Select(s => s.Kind == SignalKind.Entry ? OrderSide.Buy : OrderSide.Sell), trades.Take(expected.Count).Select(t => t.Side));
        Assert.All(trades, t => Assert.Equal(10m, t.Quantity));
        Assert.All(trades, t => Assert.StartsWith("strat-sma-crossover-SIM-", t.ClientOrderId, StringComparison.Ordinal));
        Assert.Equal(SignalKind.Entry, signals.ExpectMsg<SignalUpdated>(Bound).Signal.Kind);
    }

    [Fact]
    public void Enabling_validates_the_symbol_strategy_and_quantity()
    {
        var runner = Risk.Strategies("ann");
        Assert.Equal("symbol", Ask<CommandResult>(runner, new EnableStrategy("NOPE", "sma-cross", 1m)).Field);
        Assert.Equal("strategy", Ask<CommandResult>(runner, new EnableStrategy("AAPL", "martingale", 1m)).Field);
        Assert.Equal("quantity", Ask<CommandResult>(runner, new EnableStrategy("AAPL", "sma-cross", 0m)).Field);
        Assert.Equal("quantity", Ask<CommandResult>(runner, new EnableStrategy("AAPL", "sma-cross", 1.5m)).Field);
        Assert.Equal("symbol", Ask<CommandResult>(runner, new DisableStrategy("AAPL")).Field);
        Assert.Equal(CommandResult.Ok, Ask<CommandResult>(runner, new EnableStrategy("aapl", "sma-crossover", 3m)));
        Assert.Equal(new StrategyView("AAPL", "sma-crossover", 3m, true, false, 0m), Assert.Single(Ask<StrategiesView>(runner, GetStrategies.Instance).Strategies));
        Assert.Equal(CommandResult.Ok, Ask<CommandResult>(runner, new DisableStrategy("AAPL")));
        Assert.False(Assert.Single(Ask<StrategiesView>(runner, GetStrategies.Instance).Strategies).Enabled);
    }
}
