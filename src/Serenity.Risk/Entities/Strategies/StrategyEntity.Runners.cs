using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Cluster.Sharding;
using Serenity.MarketData;
using Serenity.MarketData.Graph;
using Serenity.Risk.Strategies;
using Serenity.Trading;

namespace Serenity.Risk.Entities.Strategies;

/// <summary>Running the strategies: warm-up, bars, signals.</summary>
public sealed partial class StrategyEntity
{
    /// <summary>
    /// Subscribes to the symbol's bars and asks the Ticker for its stored ones; live bars wait until those are in, so the
    /// strategy sees every bar once and in order.
    /// </summary>
    private void StartRunner(StrategyEntry entry)
    {
        if (!_catalog.TryCreate(entry.Strategy, entry.Symbol, entry.Quantity, out var strategy) || strategy is null) return;
        var runner = new Runner(strategy);
        _runners[entry.Symbol] = runner;
        DistributedPubSub.Get(Context.System).Subscribe(PubSubMarketDataPublisher.BarsTopic(entry.Symbol), Self);
        var self = Self;
        ClusterSharding.Get(Context.System).EntityRefFor(TradingEntities.TickerType, entry.Symbol)
            .Ask<BarsView>(new GetBars(), _settings.AskTimeout)
            .ContinueWith(t => self.Tell(new WarmedUp(runner, t.IsCompletedSuccessfully ? t.Result.Bars : [])), TaskScheduler.Default);
    }

    private void StopRunner(string symbol)
    {
        if (_runners.Remove(symbol)) DistributedPubSub.Get(Context.System).Unsubscribe(PubSubMarketDataPublisher.BarsTopic(symbol), Self);
    }

    /// <summary>Feeds the stored bars without acting on their signals, then tells the strategy where it stands and runs the waiting live bars.</summary>
    private void OnWarmedUp(WarmedUp w)
    {
        var runner = w.Runner;
        if (!_runners.TryGetValue(runner.Strategy.Symbol, out var current) || !ReferenceEquals(current, runner)) return; // replaced or stopped
        // Stored bars from the first live one on arrived live during the warm-up: they are acted on, not skipped.
        var firstLive = runner.Waiting.Count > 0 ? runner.Waiting.Min(b => b.Timestamp) : DateTime.MaxValue;
        foreach (var bar in w.Bars.Where(b => b.Timestamp < firstLive).OrderBy(b => b.Timestamp)) runner.Strategy.OnBar(bar);
        runner.Strategy.Resume(_state.Strategies.GetValueOrDefault(runner.Strategy.Symbol)?.InPosition ?? false);
        runner.Warm = true;
        var waiting = runner.Waiting.ToList();
        runner.Waiting.Clear();
        foreach (var bar in waiting) Feed(runner, bar);
    }

    private void OnBar(Bar bar)
    {
        if (!_runners.TryGetValue(bar.Symbol, out var runner)) return;
        if (!runner.Warm) runner.Waiting.Add(bar);
        else Feed(runner, bar);
    }

    private void Feed(Runner runner, Bar bar)
    {
        if (runner.Strategy.OnBar(bar) is { } signal) Act(signal);
    }

    /// <summary>Journals the signal with its order, then submits the order (an exit sells what the entries bought).</summary>
    private void Act(StrategySignal signal)
    {
        if (_state.Strategies.GetValueOrDefault(signal.Symbol) is not { Enabled: true } entry) return;
        var clientOrderId = StrategyClientOrderIds.For(signal.Strategy, signal.Symbol, signal.Kind, signal.Timestamp);
        if (_state.Knows(clientOrderId)) return; // seen before: never again
        var quantity = signal.Kind == SignalKind.Entry ? entry.Quantity : _state.ToSell(signal.Symbol);
        var view = new SignalView(signal.Symbol, signal.Strategy, signal.Kind, signal.Timestamp, quantity, signal.Reason,
            quantity > 0m ? clientOrderId : null, quantity > 0m ? SignalOrderStatus.Pending : SignalOrderStatus.NoOrder);
        if (view.ClientOrderId is null) view = view with { Reason = view.Reason + "; nothing bought to sell" };
        PersistThen(new SignalRecorded(view), _state.Apply, e =>
        {
            Publish(e.Signal);
            if (e.Signal.Status == SignalOrderStatus.Pending) Submit(e.Signal);
        });
    }

    private void SubmitPending()
    {
        foreach (var signal in _state.Pending.ToList()) Submit(signal);
    }

    private void Submit(SignalView signal)
    {
        if (signal.ClientOrderId is not { } id || !_submitting.Add(id)) return;
        var order = new SubmitOrder(signal.Symbol, signal.Kind == SignalKind.Entry ? OrderSide.Buy : OrderSide.Sell, signal.Quantity, id);
        var self = Self;
        ClusterSharding.Get(Context.System).EntityRefFor(TradingEntities.AccountType, _userId)
            .Ask<OrderResult>(order, _settings.AskTimeout)
            .ContinueWith(t => self.Tell(new OrderAnswered(id, t.IsCompletedSuccessfully ? t.Result : null)), TaskScheduler.Default);
    }

    private void OnOrderAnswered(OrderAnswered a)
    {
        _submitting.Remove(a.ClientOrderId);
        if (a.Result is not { } r || _state.Find(a.ClientOrderId) is not { Status: SignalOrderStatus.Pending }) return; // no answer: retried later
        var settled = new SignalSettled(
            a.ClientOrderId,
            r.Accepted,
            r.OrderId,
            r.Order?.FilledQuantity ?? r.Fill?.Quantity ?? 0m,
            r.Order?.AverageFillPrice ?? r.Fill?.Price,
            r.Accepted ? null : $"{r.Field}: {r.Reason}");
        PersistThen(settled, _state.Apply, e => { if (_state.Find(e.ClientOrderId) is { } s) Publish(s); });
    }

    /// <summary>One symbol's running strategy; live bars wait in <see cref="Waiting"/> until the warm-up is done.</summary>
    private sealed class Runner(IStrategy strategy)
    {
        public IStrategy Strategy { get; } = strategy;

        public bool Warm { get; set; }

        public List<Bar> Waiting { get; } = [];
    }

    /// <summary>A runner's stored bars, back in the actor.</summary>
    private sealed record WarmedUp(Runner Runner, IReadOnlyList<Bar> Bars);

    /// <summary>The account's answer to a signal's order (null: none in time).</summary>
    private sealed record OrderAnswered(string ClientOrderId, OrderResult? Result);
}
