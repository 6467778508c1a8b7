using Serenity.Actors;
using Serenity.Cluster.Sharding;
using Serenity.MarketData.Graph;
using Serenity.Risk.Entities;
using Serenity.Risk.Entities.Strategies;
using Serenity.Risk.Measures;
using Serenity.Trading;

namespace Serenity.Backtest;

/// <summary>
/// Drives the replay from inside the actor system, one minute at a time: moves the virtual clock to the minute's end,
/// publishes the minute's quotes and then all its bars, and waits - without sleeping - until the actors have done
/// everything the minute causes, by request/reply round-trips that follow the causal chain (a mailbox answers only after
/// the messages enqueued before the request; a persistent actor stashes commands until its pending events are written):
/// <list type="number">
/// <item>the strategy runner answers <see cref="GetStrategies"/> once it has taken the minute's bars and journaled and
/// published their signals (whose orders are on their way to the Account); its answer goes to the observer, which
/// answers the driver once no signal's order is pending: the Account has decided them in submission order, filled them
/// at this minute's quote, told the Portfolio, and published the fills on <c>account.{user}</c>;</item>
/// <item>after a fill: the Risk entity answers (it has taken the fill and told the scenario hub what it holds), then the
/// hub answers once no window is being seeded any more (every Ticker it asked answered);</item>
/// <item>while something is held (or was just traded): the hub answers (its scenarios for the minute have reached the
/// Risk entity), then the Risk entity answers with VaR over them;</item>
/// <item>meanwhile (it depends on none of the above after the fills) the Portfolio is asked for a view in which every
/// position has a mark (a newly opened one asks its Ticker once, see <see cref="MarkedPortfolioWait"/>).</item>
/// </list>
/// Only when both the risk and the portfolio answers are in is the minute sampled and the next one published, so every
/// order fills at its own minute's quote and every figure is the same in every run. The replies are plain actor messages
/// (no tasks, no thread hops), so a minute costs a handful of mailbox hand-offs.
/// </summary>
internal sealed class BacktestDriver : ReceiveActor
{
    /// <summary>Round-trips allowed while waiting for an answer that is itself asynchronous inside an actor.</summary>
    private const int MaxPolls = 100_000;

    private readonly Plan _plan;
    private readonly IEnumerator<MinuteBatch> _minutes;
    private readonly DrawdownTracker _drawdown = new();
    private readonly List<EquitySample> _samples = [];
    private readonly MarkedPortfolioWait _portfolioWait;
    private Phase _phase;
    private DateTime _end;
    private int _fills;
    private int _runnerPolls;
    private int _riskPolls;
    private int _minuteCount;
    private int _barCount;
    private RiskSnapshot? _risk;
    private PortfolioView? _portfolio;

    private BacktestDriver(Plan plan)
    {
        _plan = plan;
        _minutes = plan.Minutes.GetEnumerator();
        _portfolioWait = new MarkedPortfolioWait(plan.Portfolio, plan.User);
        Receive<Start>(_ => Guard(() =>
        {
            _plan.Observer.Tell(new BacktestObserver.AnswerTo(Self), Self);
            NextMinute();
        }));
        Receive<BacktestObserver.RunnerWarmingUp>(w => Guard(() => OnWarmingUp(w)));
        Receive<BacktestObserver.Settled>(s => Guard(() => OnSettled(s)));
        Receive<RiskSnapshot>(r => Guard(() => OnRisk(r)));
        Receive<ScenarioHubStats>(s => Guard(() => OnHubStats(s)));
        Receive<RiskScenarios>(_ => Guard(OnScenarios));
        Receive<PortfolioView>(p => Guard(() => { if (_portfolioWait.OnView(p, Context)) SampleWhenBothIn(); }));
        Receive<PortfolioUpdated>(u => Guard(() => { if (_portfolioWait.OnUpdate(u, Context)) SampleWhenBothIn(); }));
        Receive<DescribeState>(_ => Sender.Tell(Describe()));
    }

    /// <summary>Where the minute's risk line stands (the portfolio line runs beside it from <see cref="Phase.RiskAfterFill"/> on).</summary>
    private enum Phase
    {
        Idle,
        Settling,
        RiskAfterFill,
        HubSeeding,
        Hub,
        Risk,
        RiskDone,
    }

    public static Props Props(Plan plan) => Serenity.Actors.Props.Create(() => new BacktestDriver(plan));

    private void Guard(Action step)
    {
        try
        {
            step();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _plan.Done.TrySetException(e);
            Context.Stop(Self);
        }
    }

    private void NextMinute()
    {
        if (_plan.Cancellation.IsCancellationRequested)
        {
            _plan.Done.TrySetCanceled(_plan.Cancellation);
            Context.Stop(Self);
            return;
        }
        if (!_minutes.MoveNext())
        {
            _plan.Done.TrySetResult(new Outcome(_minuteCount, _barCount, _samples, _portfolio));
            Context.Stop(Self);
            return;
        }
        var batch = _minutes.Current;
        _end = batch.Minute.AddMinutes(1);
        var now = _plan.Clock.GetUtcNow().UtcDateTime;
        if (_end > now) _plan.Clock.Advance(_end - now);
        // All quotes before any bar: a signal's order must find every symbol's quote of this minute at its Ticker. The
        // Account decides orders in the order the runner submits them, so the whole minute can go out at once.
        foreach (var bar in batch.Bars) _plan.Publisher.PublishQuote(SyntheticQuotes.For(bar, _plan.SpreadBasisPoints, _end));
        foreach (var bar in batch.Bars) _plan.Publisher.PublishBar(bar);
        _barCount += batch.Bars.Count;
        _phase = Phase.Settling;
        _runnerPolls = 0;
        AskRunner();
    }

    private void AskRunner() => _plan.Strategies.Tell(GetStrategies.Instance, _plan.Observer); // answered to the observer, see BacktestObserver

    /// <summary>Only after a runner restart (setup waits for the first warm-up): its bars wait for stored ones.</summary>
    private void OnWarmingUp(BacktestObserver.RunnerWarmingUp w) => Expect(Phase.Settling, () =>
    {
        if (++_runnerPolls > MaxPolls) throw new InvalidOperationException($"backtest: gave up waiting for the strategy runner to warm up {string.Join(", ", w.Symbols)}");
        AskRunner();
    });

    private void OnSettled(BacktestObserver.Settled s) => Expect(Phase.Settling, () =>
    {
        var traded = s.FillCount != _fills;
        _fills = s.FillCount;
        _risk = null;
        _portfolioWait.Start(Context);
        _riskPolls = 0;
        if (traded) Ask(Phase.RiskAfterFill, _plan.Risk, GetRiskSnapshot.Instance);
        else if (s.Holding) Ask(Phase.Hub, _plan.Hub, GetLatestScenarios.Instance);
        else RiskDone(null);
    });

    private void OnRisk(RiskSnapshot risk)
    {
        if (_phase == Phase.RiskAfterFill) Ask(Phase.HubSeeding, _plan.Hub, GetScenarioHubStatsWhenSeeded.Instance);
        else Expect(Phase.Risk, () => RiskDone(risk));
    }

    private void OnHubStats(ScenarioHubStats s) => Expect(Phase.HubSeeding, () =>
    {
        if (s.Holders.Keys.All(s.Windows.ContainsKey)) Ask(Phase.Hub, _plan.Hub, GetLatestScenarios.Instance);
        else Poll(ref _riskPolls, Phase.HubSeeding, _plan.Hub, GetScenarioHubStatsWhenSeeded.Instance, "the scenario hub to seed the held symbols' windows");
    });

    private void OnScenarios() => Expect(Phase.Hub, () => Ask(Phase.Risk, _plan.Risk, GetRiskSnapshot.Instance));

    private void RiskDone(RiskSnapshot? risk)
    {
        _phase = Phase.RiskDone;
        _risk = risk;
        SampleWhenBothIn();
    }

    private void SampleWhenBothIn()
    {
        if (_phase != Phase.RiskDone || _portfolioWait.Waiting) return;
        _phase = Phase.Idle;
        var p = _portfolioWait.View!;
        _portfolio = p;
        var risk = _risk;
        _drawdown.Add(p.Equity);
        _samples.Add(new EquitySample(
            _end,
            p.Equity,
            p.Cash,
            p.MarketValue,
            _drawdown.Peak - p.Equity,
            _drawdown.CurrentFraction,
            risk?.Historical95.Var ?? 0m,
            risk?.Historical99.Var ?? 0m,
            risk?.Historical95.ExpectedShortfall ?? 0m,
            risk?.Parametric95.Var ?? 0m,
            risk?.ScenarioCount ?? 0));
        _minuteCount++;
        _plan.OnMinute(_minuteCount, _end);
        NextMinute();
    }

    private string Describe() =>
        $"driver: minute {_minuteCount} ending {_end:yyyy-MM-dd HH:mm}, phase {_phase}, fills {_fills}, runner polls {_runnerPolls}, risk polls {_riskPolls}, portfolio wait {_portfolioWait}";

    private void Expect(Phase phase, Action then)
    {
        if (_phase != phase) throw new InvalidOperationException($"backtest: unexpected answer in phase {_phase} (expected {phase})");
        then();
    }

    private void Ask(Phase phase, ICanTell target, object message)
    {
        _phase = phase;
        target.Tell(message, Self);
    }


    private void Poll(ref int polls, Phase phase, ICanTell target, object message, string what)
    {
        if (++polls > MaxPolls) throw new InvalidOperationException($"backtest: gave up waiting for {what} after {MaxPolls} round-trips");
        Ask(phase, target, message);
    }

    /// <summary>Starts the replay.</summary>
    internal sealed record Start
    {
        public static readonly Start Instance = new();
    }

    /// <summary>Answered with a string that says where the driver waits (for the stall report).</summary>
    internal sealed record DescribeState
    {
        public static readonly DescribeState Instance = new();
    }

    /// <summary>What the driver replays and whom it asks; <see cref="Done"/> completes with the outcome.</summary>
    internal sealed record Plan(
        IEnumerable<MinuteBatch> Minutes,
        VirtualTimeProvider Clock,
        PubSubMarketDataPublisher Publisher,
        decimal SpreadBasisPoints,
        EntityRef Strategies,
        IActorRef Observer,
        EntityRef Risk,
        IActorRef Hub,
        EntityRef Portfolio,
        string User,
        Action<int, DateTime> OnMinute,
        TaskCompletionSource<Outcome> Done,
        CancellationToken Cancellation);

    /// <summary>Minutes and bars replayed, one sample per minute, the portfolio after the last one (null without minutes).</summary>
    internal sealed record Outcome(int Minutes, int Bars, IReadOnlyList<EquitySample> Samples, PortfolioView? Portfolio);
}
