using Serenity.Actors;
using Xunit.Abstractions;

namespace Serenity.Trading.Tests;

/// <summary>A TestKit with memory persistence, virtual time and the trading regions started.</summary>
public abstract class TradingTestBase : Serenity.TestKit.TestKit
{
    private const string Hocon = """
        serenity.persistence.journal.plugin = memory
        serenity.persistence.snapshot-store.plugin = memory
        serenity.trading.starting-cash = 10000
        """;

    protected static readonly DateTime T0 = new(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc);

    protected TradingTestBase(ITestOutputHelper output) : base(Hocon, output)
    {
        Entities = TradingEntities.Start(Sys);
    }

    protected TradingEntities Entities { get; }

    protected static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    protected void SetQuote(string symbol, decimal bid, decimal ask)
    {
        Entities.Ticker(symbol).Tell(new TickerQuote(symbol, bid, 100m, ask, 200m, T0), TestActor);
        Entities.Ticker(symbol).Tell(new GetQuote(), TestActor);
        ExpectMsg<QuoteReply>(r => r.Quote?.Ask == ask);
    }

    protected T AskAccount<T>(string user, object message) => Entities.Account(user).Ask<T>(message, Bound).GetAwaiter().GetResult();

    protected PortfolioView Portfolio(string user) => Entities.Portfolio(user).Ask<PortfolioView>(new GetPortfolio(), Bound).GetAwaiter().GetResult();

    protected void Registered(string user)
    {
        Assert.True(AskAccount<CommandResult>(user, new Register(user, "correct horse")).Success);
    }

    protected void StopAndWait(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Unwatch(actor);
    }
}
