using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Hocon;
using Serenity.MarketData.Graph;
using Serenity.Risk.Entities;
using Serenity.Risk.Entities.Strategies;
using Serenity.Tickstore;
using Serenity.Trading;

namespace Serenity.Backtest;

/// <summary>
/// Replays stored minute bars through the live actors in virtual time, as fast as they go: an actor system on a
/// <see cref="VirtualTimeProvider"/> with in-memory persistence runs the same Ticker, Account, Portfolio, Risk and
/// strategy entities as the server (<see cref="TradingEntities"/>, <see cref="RiskEntities"/>). A backtest user is
/// registered and the strategy enabled per symbol; then for each minute (all symbols merged in time order) the clock
/// moves to the minute's end, a synthetic quote around each close goes out on <c>quotes.{SYM}</c> and the bar on
/// <c>bars.{SYM}</c> through the market-data graph's own publisher, and the driver (<c>BacktestDriver</c>) waits until the
/// actors are done with the minute before the equity and VaR are sampled and the next minute goes out.
/// </summary>
public static class BacktestRunner
{
    private const string Password = "backtest-password";
    private const string StalledMessage = "backtest: the actors stopped answering (no minute finished within 60 s)";
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(10); // virtual

    /// <summary>Runs <paramref name="options"/> on <paramref name="store"/>; <paramref name="config"/> adds or overrides settings (e.g. <c>serenity.risk.window</c>).</summary>
    public static async Task<BacktestResult> RunAsync(
        TickStore store,
        BacktestOptions options,
        Config? config = null,
        IProgress<BacktestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validated();
        var series = MinuteFeed.Load(store, options.Symbols, options.From, options.To, options.AsOf);
        var clock = new VirtualTimeProvider(new DateTimeOffset(options.From));
        var system = ActorSystem.Create("backtest", BacktestConfig.For(options, config), clock);
        using var watchdog = new StallWatchdog(TimeSpan.FromSeconds(60), cancellationToken);
        try
        {
            return await ReplayAsync(system, clock, series, options, progress, watchdog).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (watchdog.Stalled && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(StalledMessage);
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }

    private static async Task<BacktestResult> ReplayAsync(
        ActorSystem system,
        VirtualTimeProvider clock,
        IReadOnlyList<Tickstore.Series.BarSeries> series,
        BacktestOptions options,
        IProgress<BacktestProgress>? progress,
        StallWatchdog watchdog)
    {
        var ct = watchdog.Token;
        var trading = TradingEntities.Start(system);
        var risk = RiskEntities.Start(system);
        var user = options.User;
        var observer = system.ActorOf(BacktestObserver.Props(user), "backtest-observer");
        // An actor takes messages only after PreStart: once this is answered the observer follows its topics.
        await observer.Ask<BacktestObserver.Observed>(BacktestObserver.GetObserved.Instance, SetupTimeout, ct).ConfigureAwait(false);
        await SetUpAsync(trading, risk, options, ct).ConfigureAwait(false);

        var span = (double)(options.To - options.From).Ticks;
        var done = new TaskCompletionSource<BacktestDriver.Outcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var plan = new BacktestDriver.Plan(
            MinuteFeed.Merge(series),
            clock,
            new PubSubMarketDataPublisher(DistributedPubSub.Get(system)),
            options.SpreadBasisPoints,
            risk.Strategies(user),
            observer,
            risk.Risk(user),
            risk.Hub,
            trading.Portfolio(user),
            user,
            (minutes, end) =>
            {
                watchdog.Tick();
                if (progress is not null && minutes % 1000 == 0) progress.Report(new(minutes, end, Math.Min(1, (end - options.From).Ticks / span)));
            },
            done,
            ct);
        var driver = system.ActorOf(BacktestDriver.Props(plan), "backtest-driver");
        driver.Tell(BacktestDriver.Start.Instance, ActorRefs.NoSender);
        BacktestDriver.Outcome outcome;
        try
        {
            outcome = await done.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (watchdog.Stalled)
        {
            var state = await StallReport.DescribeAsync(system, driver, observer, plan, trading, options.Symbols).ConfigureAwait(false);
            throw new InvalidOperationException($"{StalledMessage}\n{state}");
        }
        var last = outcome.Portfolio;
        last ??= await trading.Portfolio(user).Ask<PortfolioView>(new GetPortfolio(), SetupTimeout, ct).ConfigureAwait(false);
        var observed = await observer.Ask<BacktestObserver.Observed>(BacktestObserver.GetObserved.Instance, SetupTimeout, ct).ConfigureAwait(false);
        progress?.Report(new(outcome.Minutes, clock.GetUtcNow().UtcDateTime, 1));
        return new BacktestResult(options, outcome.Minutes, outcome.Bars, outcome.Samples, TradeLedger.Of(observed.Fills), observed.Signals, last);
    }

    /// <summary>Starts the tickers, registers the user, enables the strategy on every symbol and lets the entities settle.</summary>
    private static async Task SetUpAsync(TradingEntities trading, RiskEntities risk, BacktestOptions options, CancellationToken ct)
    {
        var user = options.User;
        foreach (var symbol in options.Symbols) await trading.Ticker(symbol).Ask<TickerView>(new GetTicker(), SetupTimeout, ct).ConfigureAwait(false);
        var registered = await trading.Account(user).Ask<CommandResult>(new Register(user, Password), SetupTimeout, ct).ConfigureAwait(false);
        if (!registered.Success) throw new InvalidOperationException($"backtest: could not register {user}: {registered.Field}: {registered.Reason}");
        await trading.Portfolio(user).Ask<PortfolioView>(new GetPortfolio(), SetupTimeout, ct).ConfigureAwait(false);
        foreach (var symbol in options.Symbols)
        {
            var enabled = await risk.Strategies(user).Ask<CommandResult>(new EnableStrategy(symbol, options.Strategy, options.Quantity), SetupTimeout, ct).ConfigureAwait(false);
            if (!enabled.Success) throw new ArgumentException($"{enabled.Reason}", enabled.Field ?? "strategy");
        }
        // Each runner asked its Ticker for stored bars (none in a fresh system) while enabling. Bars that arrive before
        // that answer wait in the runner, which still answers GetStrategies at once: the barrier would pass a minute whose
        // signals have not been made yet (they would come minutes later, at another quote). So wait until all are warm.
        for (var i = 0; ; i++)
        {
            var view = await risk.Strategies(user).Ask<StrategiesView>(GetStrategies.Instance, SetupTimeout, ct).ConfigureAwait(false);
            if (view.WarmingUp.Count == 0) break;
            if (i > 100_000) throw new InvalidOperationException($"backtest: the strategy runner did not warm up {string.Join(", ", view.WarmingUp)}");
        }
        // The Risk entity syncs cash and holdings from the Account when it starts: wait for that answer.
        for (var i = 0; ; i++)
        {
            var view = await risk.Risk(user).Ask<RiskView>(GetRisk.Instance, SetupTimeout, ct).ConfigureAwait(false);
            if (view.Snapshot.Cash == options.Cash) break;
            if (i > 100_000) throw new InvalidOperationException("backtest: the risk entity did not sync with the account");
        }
    }
}
