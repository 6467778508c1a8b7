using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Hocon;
using Serenity.Risk.Entities;
using Serenity.Risk.Entities.Strategies;
using Serenity.Risk.Strategies;
using Serenity.Trading;

namespace Serenity.Risk.Tests.Entities;

/// <summary>A strategy runner comes back after its actor system restarts on the same SQLite file, and never trades twice.</summary>
public sealed class StrategyRestartTests : Serenity.TestKit.TestKit, IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("serenity-risk-").FullName;

    private ActorSystem NewSystem(string name) => ActorSystem.Create(name, ConfigurationFactory.ParseString($"""
        serenity.persistence.journal.plugin = sqlite
        serenity.persistence.journal.sqlite.path = "{_dir}/serenity.db"
        serenity.persistence.snapshot-store.plugin = sqlite
        serenity.persistence.snapshot-store.sqlite.path = "{_dir}/serenity.db"
        serenity.trading.starting-cash = 100000
        serenity.trading.symbols = [AAPL]
        serenity.stdout-loglevel = WARNING
        """), Clock);

    /// <summary>Falls 25 bars, rises 15 (an entry), falls 15 (an exit).</summary>
    private static readonly decimal[] s_path = [.. Enumerable.Range(0, 25).Select(i => 100m - i), .. Enumerable.Range(1, 15).Select(i => 76m + (3 * i)), .. Enumerable.Range(1, 15).Select(i => 121m - (4 * i))];

    [Fact]
    public async Task Enabled_strategies_resume_after_a_restart_exit_what_they_entered_and_never_trade_a_signal_twice()
    {
        var reference = new SmaCrossoverStrategy("AAPL", 5m);
        var expected = s_path.Select((c, i) => reference.OnBar(TestBars.Bar("AAPL", i, c))).OfType<StrategySignal>().ToList();
        Assert.Equal([SignalKind.Entry, SignalKind.Exit], expected.Select(s => s.Kind));
        var entryBar = (int)(expected[0].Timestamp - TestBars.T0).TotalMinutes;

        var first = NewSystem("first");
        var t1 = TradingEntities.Start(first);
        var r1 = RiskEntities.Start(first);
        Assert.True((await t1.Account("ann").Ask<CommandResult>(new Register("ann", "correct horse"), Bound)).Success);
        Assert.Equal(CommandResult.Ok, await r1.Strategies("ann").Ask<CommandResult>(new EnableStrategy("AAPL", "sma-cross", 5m), Bound));
        await t1.Ticker("AAPL").Ask<TickerView>(new GetTicker(), Bound);
        t1.Ticker("AAPL").Tell(new TickerQuote("AAPL", 99m, 1000m, 100m, 1000m, Clock.GetUtcNow().UtcDateTime), ActorRefs.NoSender);
        Publish(first, 0, entryBar + 2);
        await AwaitConditionAsync(async () => (await r1.Strategies("ann").Ask<SignalsView>(new GetSignals(), Bound)).Signals is [{ Status: SignalOrderStatus.Accepted }], Bound);
        await AwaitConditionAsync(async () => (await t1.Ticker("AAPL").Ask<BarsView>(new GetBars(), Bound)).Bars.Count == entryBar + 2, Bound);
        await first.Terminate();

        using var second = NewSystem("second");
        var t2 = TradingEntities.Start(second);
        var r2 = RiskEntities.Start(second);
        // Nobody touches the runner: it wakes by itself and follows the bars again.
        await AwaitConditionAsync(() => Task.FromResult(DistributedPubSub.Get(second).SubscriberCount("bars.AAPL") >= 1), Bound);
        t2.Ticker("AAPL").Tell(new TickerQuote("AAPL", 99m, 1000m, 100m, 1000m, Clock.GetUtcNow().UtcDateTime), ActorRefs.NoSender);
        await t2.Ticker("AAPL").Ask<TickerView>(new GetTicker(), Bound);
        await AwaitConditionAsync(async () => (await r2.Strategies("ann").Ask<StrategiesView>(GetStrategies.Instance, Bound)).Strategies is [{ InPosition: true, HeldQuantity: 5m }], Bound);
        Publish(second, entryBar, 3); // the entry bar again: no second entry
        Publish(second, entryBar + 3, s_path.Length - entryBar - 3);
        await AwaitConditionAsync(async () => (await r2.Strategies("ann").Ask<SignalsView>(new GetSignals(), Bound)).Signals is [{ Kind: SignalKind.Exit, Status: SignalOrderStatus.Accepted }, _], Bound);

        var signals = (await r2.Strategies("ann").Ask<SignalsView>(new GetSignals(), Bound)).Signals;
        Assert.Equal(expected.Select(s => (s.Kind, s.Timestamp)).Reverse(), signals.Select(s => (s.Kind, s.BarTimestamp)));
        var trades = (await t2.Account("ann").Ask<TradesView>(new GetTrades(), Bound)).Trades;
        Assert.Equal([OrderSide.Sell, OrderSide.Buy], trades.Select(t => t.Side));
        Assert.False((await t2.Account("ann").Ask<AccountView>(new GetAccount(), Bound)).Holdings.ContainsKey("AAPL"));
    }

    private static void Publish(ActorSystem system, int first, int count)
    {
        var pubSub = DistributedPubSub.Get(system);
        for (var i = first; i < first + count; i++) pubSub.Publish("bars.AAPL", TestBars.Bar("AAPL", i, s_path[i]));
    }

    void IDisposable.Dispose()
    {
        Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a file still open is left to the OS's temp cleaning
        }
    }
}
