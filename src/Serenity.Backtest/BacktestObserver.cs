using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Risk.Entities;
using Serenity.Risk.Entities.Strategies;
using Serenity.Trading;

namespace Serenity.Backtest;

/// <summary>
/// Follows the backtest user's <c>signals.{user}</c> and <c>account.{user}</c> topics, exactly as a dashboard would: it
/// records every fill and the final state of every signal, and knows which signals' orders are still pending. It is
/// the per-minute barrier's second step. The driver asks the strategy runner for its <see cref="StrategiesView"/> on the
/// observer's behalf (the runner answers after the bars sent before, and their signals, are through), which saves a hop
/// per minute: the observer then answers the driver named by <see cref="AnswerTo"/> with <see cref="Settled"/> once no
/// signal's order is pending.
/// </summary>
internal sealed class BacktestObserver : ReceiveActor
{
    private readonly string _user;
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly List<IActorRef> _waiters = [];
    private readonly List<Fill> _fills = [];
    private readonly List<SignalView> _signals = [];
    private readonly Dictionary<string, int> _signalIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _holdings = new(StringComparer.Ordinal);
    private IActorRef _driver = ActorRefs.Nobody;

    public BacktestObserver(string user)
    {
        _user = user;
        Receive<SignalUpdated>(OnSignal);
        Receive<AccountUpdated>(u => { if (u.Fill is { } fill) OnFill(fill); });
        Receive<AnswerTo>(a => _driver = a.Driver);
        Receive<StrategiesView>(v =>
        {
            if (v.WarmingUp.Count > 0) _driver.Tell(new RunnerWarmingUp(v.WarmingUp)); // bars wait in the runner: not through yet
            else Await(_driver);
        });
        Receive<GetObserved>(_ => Sender.Tell(new Observed([.. _fills], [.. _signals])));
        Receive<BacktestDriver.DescribeState>(_ => Sender.Tell(
            $"observer: {_fills.Count} fills, {_signals.Count} signals, pending [{string.Join(", ", _pending.Order(StringComparer.Ordinal))}], {_waiters.Count} waiting, holding [{string.Join(", ", _holdings.Keys.Order(StringComparer.Ordinal))}]"));
    }

    public static Props Props(string user) => Serenity.Actors.Props.Create(() => new BacktestObserver(user));

    protected override void PreStart()
    {
        var pubSub = DistributedPubSub.Get(Context.System);
        pubSub.Subscribe(RiskTopics.Signals(_user), Self);
        pubSub.Subscribe(TradingTopics.Account(_user), Self);
        base.PreStart();
    }

    private void Await(IActorRef waiter)
    {
        if (_pending.Count == 0) waiter.Tell(SettledNow());
        else _waiters.Add(waiter);
    }

    private Settled SettledNow() => new(_fills.Count, _holdings.Count > 0);

    private void OnFill(Fill fill)
    {
        _fills.Add(fill);
        var held = _holdings.GetValueOrDefault(fill.Symbol) + (fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity);
        if (held == 0m) _holdings.Remove(fill.Symbol);
        else _holdings[fill.Symbol] = held;
    }

    private void OnSignal(SignalUpdated u)
    {
        var s = u.Signal;
        var key = s.ClientOrderId ?? $"{s.Symbol}|{s.Kind}|{s.BarTimestamp.Ticks}";
        if (_signalIndex.TryGetValue(key, out var i)) _signals[i] = s;
        else
        {
            _signalIndex[key] = _signals.Count;
            _signals.Add(s);
        }
        if (s.ClientOrderId is not { } id) return;
        if (s.Status == SignalOrderStatus.Pending) _pending.Add(id);
        else _pending.Remove(id);
        if (_pending.Count > 0 || _waiters.Count == 0) return;
        foreach (var w in _waiters) w.Tell(SettledNow());
        _waiters.Clear();
    }

    /// <summary>No order pending; <paramref name="FillCount"/> fills seen so far; <paramref name="Holding"/>: some position is open.</summary>
    internal sealed record Settled(int FillCount, bool Holding);

    /// <summary>The runner answered, but bars still wait in it for these symbols' warm-up: ask again.</summary>
    internal sealed record RunnerWarmingUp(IReadOnlyList<string> Symbols);

    /// <summary>Whom a <see cref="StrategiesView"/> sent here is answered for.</summary>
    internal sealed record AnswerTo(IActorRef Driver);

    /// <summary>Answered with <see cref="Observed"/>.</summary>
    internal sealed record GetObserved
    {
        public static readonly GetObserved Instance = new();
    }

    /// <summary>Every fill (in account order) and every signal (in the order first seen, each in its latest state).</summary>
    internal sealed record Observed(IReadOnlyList<Fill> Fills, IReadOnlyList<SignalView> Signals);
}
