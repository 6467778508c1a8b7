using Serenity.Actors;
using Serenity.Cluster.Sharding;
using Serenity.MarketData;
using Serenity.Risk.Entities;
using Serenity.Trading;
using Xunit.Abstractions;

namespace Serenity.Risk.Tests.Entities;

/// <summary>
/// Many Risk entities starting at once, against stand-in accounts, portfolios and tickers (on the trading shard types):
/// every entity gets its full figures once the hub has seeded its symbols, without the hub publishing to everyone, and an
/// account that does not answer in time is asked again.
/// </summary>
public sealed class RiskStartupTests : Serenity.TestKit.TestKit
{
    private const int Window = 10;
    private const int Symbols = 30;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly Dictionary<string, Dictionary<string, decimal>> _holdings = new(StringComparer.Ordinal);
    private int _unansweredAccountAsks;
    private int _accountAsks;

    public RiskStartupTests(ITestOutputHelper output)
        : base($"""
            serenity.persistence.journal.plugin = memory
            serenity.persistence.snapshot-store.plugin = memory
            serenity.risk.window = {Window}
            serenity.risk.ask-timeout = 2s
            serenity.risk.drawdown-refresh = off
            serenity.stdout-loglevel = WARNING
            """, output)
    {
        var sharding = ClusterSharding.Get(Sys);
        sharding.Start(TradingEntities.TickerType, symbol => Props.Create(() => new Replier(_ => new BarsView(symbol, 1, Bars(symbol)))));
        sharding.Start(TradingEntities.PortfolioType, user => Props.Create(() => new Replier(_ => new ValueHistoryView(user, []))));
        sharding.Start(TradingEntities.AccountType, user => Props.Create(() => new Replier(_ => Account(user))));
        Risk = RiskEntities.Start(Sys);
    }

    private RiskEntities Risk { get; }

    [Fact]
    public void Three_hundred_entities_starting_together_all_get_full_figures_without_a_publication_to_everyone()
    {
        var users = Enumerable.Range(0, 300).Select(u => $"u{u}").ToList();
        var random = new Random(7);
        foreach (var user in users)
        {
            _holdings[user] = Enumerable.Range(0, Symbols).OrderBy(_ => random.Next()).Take(5).ToDictionary(Symbol, s => (decimal)(s + 1));
        }

        foreach (var user in users) Risk.Risk(user).Tell(WakeUp.Instance, TestActor);

        AwaitAssert(() => Assert.All(users, user => AssertFull(user, RiskOf(user).Snapshot)), Bound);
        var stats = HubStats();
        Assert.Equal(Symbols, stats.Windows.Count);
        Assert.Equal(0, stats.Publications); // seeded windows were answered to their holders only
    }

    [Fact]
    public void An_account_that_does_not_answer_in_time_is_asked_again()
    {
        _holdings["ann"] = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["S001"] = 10m };
        _unansweredAccountAsks = 1;

        Risk.Risk("ann").Tell(WakeUp.Instance, TestActor);

        AwaitAssert(
            () =>
            {
                Advance(TimeSpan.FromSeconds(1)); // the ask times out after 2 s, the entity asks again 1 s later
                AssertFull("ann", RiskOf("ann").Snapshot);
            },
            Bound);
        Assert.True(Volatile.Read(ref _accountAsks) >= 2);
    }

    private static string Symbol(int s) => $"S{s:D3}";

    /// <summary>Minute bars 0..Window of a symbol, closes that move by a symbol-specific amount.</summary>
    private static List<Bar> Bars(string symbol)
    {
        var step = int.Parse(symbol.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) + 1;
        return [.. Enumerable.Range(0, Window + 1).Select(m => TestBars.Bar(symbol, m, 100m + (m % 3 == 0 ? step : -step) * 0.1m))];
    }

    private static void AssertFull(string user, RiskSnapshot snapshot)
    {
        Assert.Equal(user, snapshot.UserId);
        Assert.Equal(Window, snapshot.ScenarioCount);
        Assert.Empty(snapshot.UncoveredSymbols);
        Assert.NotEmpty(snapshot.Positions);
        Assert.All(snapshot.Positions, p => Assert.True(p.Price > 0m));
    }

    private ScenarioHubStats HubStats() => Risk.Hub.Ask<ScenarioHubStats>(GetScenarioHubStats.Instance, Bound).GetAwaiter().GetResult();

    private RiskView RiskOf(string user) => Risk.Risk(user).Ask<RiskView>(GetRisk.Instance, Bound).GetAwaiter().GetResult();

    /// <summary>The account stand-in; it leaves the first <see cref="_unansweredAccountAsks"/> asks unanswered.</summary>
    private object? Account(string user)
    {
        if (Interlocked.Increment(ref _accountAsks) <= _unansweredAccountAsks) return null;
        return new AccountView(user, true, 10_000m, _holdings.GetValueOrDefault(user) ?? [], 0, false);
    }

    /// <summary>Answers every message with what <c>reply</c> makes of it (nothing for null).</summary>
    private sealed class Replier : ReceiveActor
    {
        public Replier(Func<object, object?> reply) => ReceiveAny(m =>
        {
            if (reply(m) is { } answer) Sender.Tell(answer);
        });
    }
}
