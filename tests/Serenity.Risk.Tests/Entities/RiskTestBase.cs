using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.MarketData;
using Serenity.Risk.Entities;
using Serenity.TestKit;
using Serenity.Trading;
using Xunit.Abstractions;

namespace Serenity.Risk.Tests.Entities;

/// <summary>A TestKit with memory persistence, virtual time, and the trading and risk regions started.</summary>
public abstract class RiskTestBase : Serenity.TestKit.TestKit
{
    private const string Hocon = """
        serenity.persistence.journal.plugin = memory
        serenity.persistence.snapshot-store.plugin = memory
        serenity.trading.starting-cash = 100000
        serenity.trading.symbols = [AAPL, MSFT, SIM]
        serenity.risk.window = 10
        serenity.risk.settle-delay = 100ms
        serenity.risk.limits { max-order-value = none, max-position-value = none, max-var-after-trade = none }
        serenity.stdout-loglevel = WARNING
        """;

    protected static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    protected RiskTestBase(ITestOutputHelper output, string extraHocon = "") : base(extraHocon + "\n" + Hocon, output)
    {
        Trading = TradingEntities.Start(Sys);
        Risk = RiskEntities.Start(Sys);
    }

    protected TradingEntities Trading { get; }

    protected RiskEntities Risk { get; }

    protected static DateTime Minute(int i) => TestBars.Minute(i);

    protected T Ask<T>(Serenity.Cluster.Sharding.EntityRef entity, object message) => entity.Ask<T>(message, Bound).GetAwaiter().GetResult();

    protected void Registered(string user) => Assert.True(Ask<CommandResult>(Trading.Account(user), new Register(user, "correct horse")).Success);

    /// <summary>Starts the ticker (so it follows its topics) and publishes bars with <paramref name="closes"/> from minute <paramref name="first"/>.</summary>
    protected void PublishBars(string symbol, int first, params decimal[] closes)
    {
        Ask<TickerView>(Trading.Ticker(symbol), new GetTicker());
        var pubSub = DistributedPubSub.Get(Sys);
        for (var i = 0; i < closes.Length; i++) pubSub.Publish("bars." + symbol, TestBars.Bar(symbol, first + i, closes[i]));
    }

    /// <summary>Waits until the ticker holds <paramref name="count"/> bars.</summary>
    protected void TickerHasBars(string symbol, int count) =>
        AwaitAssert(() => Assert.Equal(count, Ask<BarsView>(Trading.Ticker(symbol), new GetBars()).Bars.Count), Bound);

    protected void SetQuote(string symbol, decimal bid, decimal ask) =>
        Trading.Ticker(symbol).Tell(new TickerQuote(symbol, bid, 1000m, ask, 1000m, Clock.GetUtcNow().UtcDateTime), TestActor);

    protected OrderResult Submit(string user, SubmitOrder order) => Ask<OrderResult>(Trading.Account(user), order);

    protected RiskView RiskOf(string user) => Ask<RiskView>(Risk.Risk(user), GetRisk.Instance);

    protected ScenarioHubStats HubStats() => Risk.Hub.Ask<ScenarioHubStats>(GetScenarioHubStats.Instance, Bound).GetAwaiter().GetResult();

    protected TestProbe Follow(string topic)
    {
        var probe = CreateTestProbe();
        DistributedPubSub.Get(Sys).Subscribe(topic, probe);
        return probe;
    }

    /// <summary>Closes with returns that vary (so VaR is not zero): 100, 101, 99.5, ...</summary>
    protected static decimal[] Wiggly(int count, decimal start, int seed)
    {
        var random = new Random(seed);
        var closes = new decimal[count];
        var close = start;
        for (var i = 0; i < count; i++) closes[i] = close = Math.Round(close * (1m + ((decimal)random.NextDouble() - 0.5m) / 25m), 2);
        return closes;
    }
}
