using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Risk.Entities;
using Serenity.Risk.Entities.Strategies;
using Serenity.Trading;

namespace Serenity.Backtest;

/// <summary>
/// Follows the backtest user's <c>signals.{user}</c> and <c>account.{user}</c> topics, exactly as a dashboard would: it
/// records every fill and the final state of every signal, and knows which signals' orders are still pending. It is
/// the per-minute barrier's last step: <see cref="AwaitSettled"/> is answered once no signal's order is pending.
/// </summary>
internal sealed class BacktestObserver : ReceiveActor
{
    private readonly string _user;
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly List<IActorRef> _waiters = [];
    private readonly List<Fill> _fills = [];
    private readonly List<SignalView> _signals = [];
    private readonly Dictionary<string, int> _signalIndex = new(StringComparer.Ordinal);

    public BacktestObserver(string user)
    {
        _user = user;
        Receive<SignalUpdated>(OnSignal);
        Receive<AccountUpdated>(u => { if (u.Fill is { } fill) _fills.Add(fill); });
        Receive<AwaitSettled>(_ =>
        {
            if (_pending.Count == 0) Sender.Tell(new Settled(_fills.Count));
            else _waiters.Add(Sender);
        });
        Receive<GetObserved>(_ => Sender.Tell(new Observed([.. _fills], [.. _signals])));
    }

    public static Props Props(string user) => Serenity.Actors.Props.Create(() => new BacktestObserver(user));

    protected override void PreStart()
    {
        var pubSub = DistributedPubSub.Get(Context.System);
        pubSub.Subscribe(RiskTopics.Signals(_user), Self);
        pubSub.Subscribe(TradingTopics.Account(_user), Self);
        base.PreStart();
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
        foreach (var w in _waiters) w.Tell(new Settled(_fills.Count));
        _waiters.Clear();
    }

    /// <summary>Answered with <see cref="Settled"/> once no signal's order is pending.</summary>
    internal sealed record AwaitSettled
    {
        public static readonly AwaitSettled Instance = new();
    }

    /// <summary>No order pending; <paramref name="FillCount"/> fills seen so far.</summary>
    internal sealed record Settled(int FillCount);

    /// <summary>Answered with <see cref="Observed"/>.</summary>
    internal sealed record GetObserved
    {
        public static readonly GetObserved Instance = new();
    }

    /// <summary>Every fill (in account order) and every signal (in the order first seen, each in its latest state).</summary>
    internal sealed record Observed(IReadOnlyList<Fill> Fills, IReadOnlyList<SignalView> Signals);
}
