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
/// publishes the minute's quotes, then its bars one by one, and waits - without sleeping - until the actors have done
/// everything each bar causes, by request/reply round-trips that follow the causal chain (a mailbox answers only after the
/// messages enqueued before the request; a persistent actor stashes commands until its pending events are written):
/// <list type="number">
/// <item>after each bar, the strategy runner answers <see cref="GetStrategies"/>: it has taken the bar and journaled and
/// published its signal (whose order is on its way to the Account);</item>
/// <item>the observer answers once no signal's order is pending: the Account has filled (or rejected) them, told the
/// Portfolio, and published the fills on <c>account.{user}</c>;</item>
/// <item>after a fill: the Risk entity answers (it has taken the fill and told the scenario hub what it holds), then the
/// hub is asked until every held symbol's window is seeded (its Ticker answered);</item>
/// <item>once the minute's bars are through: the Portfolio is asked until every position has a mark (a newly opened one
/// asks its Ticker once);</item>
/// <item>while something is held (or just traded): the hub answers (its scenarios for the minute have reached the Risk
/// entity), then the Risk entity answers with VaR over them.</item>
/// </list>
/// Only then is the minute sampled and the next one published, so every order fills at its own minute's quote and every
/// figure is the same in every run. The replies are plain actor messages (no tasks, no thread hops), so a minute costs a
/// handful of mailbox hand-offs.
/// </summary>
internal sealed class BacktestDriver : ReceiveActor
{
    /// <summary>Round-trips allowed while waiting for an answer that is itself asynchronous inside an actor.</summary>
    private const int MaxPolls = 100_000;

    private readonly Plan _plan;
    private readonly IEnumerator<MinuteBatch> _minutes;
    private readonly DrawdownTracker _drawdown = new();
    private readonly List<EquitySample> _samples = [];
    private readonly GetPortfolio _getPortfolio = new();
    private Phase _phase;
    private MinuteBatch? _batch;
    private int _next;
    private DateTime _end;
    private int _fills;
    private bool _traded;
    private int _polls;
    private int _minuteCount;
    private int _barCount;
    private PortfolioView? _portfolio;

    private BacktestDriver(Plan plan)
    {
        _plan = plan;
        _minutes = plan.Minutes.GetEnumerator();
        Receive<Start>(_ => Guard(NextMinute));
        Receive<StrategiesView>(_ => Guard(OnRunnerDone));
        Receive<BacktestObserver.Settled>(s => Guard(() => OnSettled(s)));
        Receive<RiskView>(v => Guard(() => OnRisk(v)));
        Receive<ScenarioHubStats>(s => Guard(() => OnHubStats(s)));
        Receive<PortfolioView>(p => Guard(() => OnPortfolio(p)));
        Receive<RiskScenarios>(_ => Guard(OnScenarios));
    }

    private enum Phase
    {
        Idle,
        Runner,
        Observer,
        RiskAfterFill,
        HubSeeding,
        Portfolio,
        Hub,
        Risk,
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
        _batch = _minutes.Current;
        _end = _batch.Minute.AddMinutes(1);
        var now = _plan.Clock.GetUtcNow().UtcDateTime;
        if (_end > now) _plan.Clock.Advance(_end - now);
        foreach (var bar in _batch.Bars) _plan.Publisher.PublishQuote(SyntheticQuotes.For(bar, _plan.SpreadBasisPoints, _end));
        _barCount += _batch.Bars.Count;
        _next = 0;
        _traded = false;
        NextBar();
    }

    /// <summary>
    /// Bars go out one at a time, each waited for: two signals of one minute would otherwise submit two orders at once, and
    /// the Account numbers orders in the order its Tickers happen to answer.
    /// </summary>
    private void NextBar()
    {
        if (_next == _batch!.Bars.Count)
        {
            Ask(Phase.Portfolio, _plan.Portfolio, _getPortfolio);
            return;
        }
        _plan.Publisher.PublishBar(_batch.Bars[_next++]);
        Ask(Phase.Runner, _plan.Strategies, GetStrategies.Instance);
    }

    private void OnRunnerDone() => Expect(Phase.Runner, () => Ask(Phase.Observer, _plan.Observer, BacktestObserver.AwaitSettled.Instance));

    private void OnSettled(BacktestObserver.Settled s) => Expect(Phase.Observer, () =>
    {
        var traded = s.FillCount != _fills;
        _fills = s.FillCount;
        _traded |= traded;
        if (traded) Ask(Phase.RiskAfterFill, _plan.Risk, GetRisk.Instance);
        else NextBar();
    });

    private void OnRisk(RiskView v)
    {
        if (_phase == Phase.RiskAfterFill)
        {
            _polls = 0;
            Ask(Phase.HubSeeding, _plan.Hub, GetScenarioHubStats.Instance);
            return;
        }
        Expect(Phase.Risk, () => Sampled(v.Snapshot));
    }

    private void OnHubStats(ScenarioHubStats s) => Expect(Phase.HubSeeding, () =>
    {
        if (s.Holders.Keys.All(s.Windows.ContainsKey))
        {
            _polls = 0;
            NextBar();
        }
        else Poll(Phase.HubSeeding, _plan.Hub, GetScenarioHubStats.Instance, "the scenario hub to seed the held symbols' windows");
    });

    private void OnPortfolio(PortfolioView p) => Expect(Phase.Portfolio, () =>
    {
        foreach (var position in p.Positions.Values)
        {
            if (position.MarketPrice is null)
            {
                Poll(Phase.Portfolio, _plan.Portfolio, _getPortfolio, "the portfolio to mark its positions");
                return;
            }
        }
        _polls = 0;
        _portfolio = p;
        if (p.Positions.Count == 0 && !_traded) Sampled(null);
        else Ask(Phase.Hub, _plan.Hub, GetLatestScenarios.Instance);
    });

    private void OnScenarios() => Expect(Phase.Hub, () => Ask(Phase.Risk, _plan.Risk, GetRisk.Instance));

    private void Sampled(RiskSnapshot? risk)
    {
        var p = _portfolio!;
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

    private void Poll(Phase phase, ICanTell target, object message, string what)
    {
        if (++_polls > MaxPolls) throw new InvalidOperationException($"backtest: gave up waiting for {what} after {MaxPolls} round-trips");
        Ask(phase, target, message);
    }

    /// <summary>Starts the replay.</summary>
    internal sealed record Start
    {
        public static readonly Start Instance = new();
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
        Action<int, DateTime> OnMinute,
        TaskCompletionSource<Outcome> Done,
        CancellationToken Cancellation);

    /// <summary>Minutes and bars replayed, one sample per minute, the portfolio after the last one (null without minutes).</summary>
    internal sealed record Outcome(int Minutes, int Bars, IReadOnlyList<EquitySample> Samples, PortfolioView? Portfolio);
}
