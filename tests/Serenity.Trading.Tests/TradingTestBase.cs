using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.MarketData;
using Serenity.TestKit;
using Xunit.Abstractions;

namespace Serenity.Trading.Tests;

/// <summary>A TestKit with memory persistence, virtual time and the trading regions started.</summary>
public abstract class TradingTestBase : Serenity.TestKit.TestKit
{
    private const string Hocon = """
        serenity.persistence.journal.plugin = memory
        serenity.persistence.snapshot-store.plugin = memory
        serenity.trading.starting-cash = 10000
        serenity.trading.symbols = [AAPL, MSFT, IBM, TSLA, AMD, SPY]
        serenity.stdout-loglevel = WARNING
        """;

    protected static readonly DateTime T0 = new(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc);

    protected TradingTestBase(ITestOutputHelper output, string extraHocon = "") : base(extraHocon + "\n" + Hocon, output)
    {
        Entities = TradingEntities.Start(Sys);
    }

    protected TradingEntities Entities { get; }

    protected static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    protected DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Sets the ticker's quote (creating the ticker) and publishes it on <c>quotes.{SYM}</c> for accounts and portfolios.</summary>
    protected void SetQuote(string symbol, decimal bid, decimal ask, decimal bidSize = 100m, decimal askSize = 200m)
    {
        var q = new TickerQuote(symbol, bid, bidSize, ask, askSize, Now);
        Entities.Ticker(symbol).Tell(q, TestActor);
        Entities.Ticker(symbol).Tell(new GetQuote(), TestActor);
        ExpectMsg<QuoteReply>(r => r.Quote == q);
        DistributedPubSub.Get(Sys).Publish(TickerEntity.Topic(symbol), new Quote(symbol, q.Timestamp, bid, bidSize, ask, askSize));
    }

    protected T AskAccount<T>(string user, object message) => Entities.Account(user).Ask<T>(message, Bound).GetAwaiter().GetResult();

    protected OrderResult Submit(string user, SubmitOrder order) => AskAccount<OrderResult>(user, order);

    protected IReadOnlyList<OrderView> Orders(string user, bool openOnly = false) => AskAccount<OrdersView>(user, new GetOrders(openOnly)).Orders;

    protected IReadOnlyList<ValuePoint> ValueHistory(string user, DateTime? from = null) =>
        Entities.Portfolio(user).Ask<ValueHistoryView>(new GetValueHistory(from), Bound).GetAwaiter().GetResult().Points;

    protected PortfolioView Portfolio(string user) => Entities.Portfolio(user).Ask<PortfolioView>(new GetPortfolio(), Bound).GetAwaiter().GetResult();

    protected void Registered(string user)
    {
        Assert.True(AskAccount<CommandResult>(user, new Register(user, "correct horse")).Success);
    }

    /// <summary>A probe subscribed to <paramref name="topic"/>.</summary>
    protected TestProbe Follow(string topic)
    {
        var probe = CreateTestProbe();
        DistributedPubSub.Get(Sys).Subscribe(topic, probe);
        return probe;
    }

    protected void StopAndWait(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Unwatch(actor);
    }
}
