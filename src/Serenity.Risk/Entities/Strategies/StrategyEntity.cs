using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Cluster.Sharding;
using Serenity.MarketData;
using Serenity.MarketData.Graph;
using Serenity.Persistence;
using Serenity.Risk.Strategies;
using Serenity.Trading;

namespace Serenity.Risk.Entities.Strategies;

/// <summary>
/// One user's strategy runner (shard type <c>strategy</c>, id = user id, persistent). Each enabled symbol's strategy is
/// warmed up silently on the Ticker's stored bars, then fed <c>bars.{SYM}</c>; a signal is journaled first, then its
/// order is submitted through the user's Account (the same gateway, pre-trade checks included) with a deterministic client
/// order id, and the account's answer is journaled too. Orders without an answer are re-submitted after recovery and every
/// <c>strategy.retry-interval</c>, so neither a crash nor a lost reply can trade twice or lose a signal. Signals are
/// published on <c>signals.{user}</c> and answered by <see cref="GetSignals"/>.
/// </summary>
public sealed partial class StrategyEntity : ReceivePersistentActor, IWithTimers
{
    private static readonly object RetryTick = new();
    private readonly string _userId;
    private readonly RiskActorSettings _settings;
    private readonly TradingSettings _trading;
    private readonly StrategyCatalog _catalog;
    private readonly StrategyState _state;
    private readonly Dictionary<string, Runner> _runners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _submitting = new(StringComparer.Ordinal);

    /// <summary>The runner of <paramref name="userId"/>.</summary>
    public StrategyEntity(string userId, RiskActorSettings settings, TradingSettings trading, StrategyCatalog catalog)
    {
        _userId = userId;
        _settings = settings;
        _trading = trading;
        _catalog = catalog;
        _state = new StrategyState(settings.SignalHistorySize);
        Recover<SnapshotOffer>(o => { if (o.Snapshot is StrategySnapshot s) _state.Restore(s); });
        Recover<StrategyEnabled>(_state.Apply);
        Recover<StrategyDisabled>(_state.Apply);
        Recover<SignalRecorded>(_state.Apply);
        Recover<SignalSettled>(_state.Apply);
        Recover<RecoveryCompleted>(_ =>
        {
            Timers.StartPeriodicTimer(RetryTick, RetryTick, _settings.StrategyRetryInterval);
            foreach (var s in _state.Strategies.Values.Where(s => s.Enabled)) StartRunner(s);
            SubmitPending();
        });
        Command<EnableStrategy>(OnEnable);
        Command<DisableStrategy>(OnDisable);
        Command<Bar>(OnBar);
        Command<WarmedUp>(OnWarmedUp);
        Command<OrderAnswered>(OnOrderAnswered);
        Command<GetStrategies>(_ => Sender.Tell(new StrategiesView(_userId, [.. _state.Strategies.Values.OrderBy(s => s.Symbol, StringComparer.Ordinal).Select(View)])
        {
            WarmingUp = [.. _runners.Values.Where(r => !r.Warm).Select(r => r.Strategy.Symbol).Order(StringComparer.Ordinal)],
        }));
        Command<GetSignals>(OnGetSignals);
        Command<WakeUp>(_ => { });
        Command<object>(_ => SubmitPending(), m => ReferenceEquals(m, RetryTick));
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(_ => { });
    }

    /// <summary>Props of the runner of <paramref name="userId"/>.</summary>
    public static Props Props(string userId, RiskActorSettings settings, TradingSettings trading, StrategyCatalog catalog) =>
        Serenity.Actors.Props.Create(() => new StrategyEntity(userId, settings, trading, catalog));

    /// <summary>The journal tag of <see cref="StrategyEnabled"/>: the runners to wake after a restart.</summary>
    public const string EnabledTag = "risk.strategies";

    /// <inheritdoc />
    public override string PersistenceId => "strategy-" + _userId;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private DateTime Now => Context.System.Clock.GetUtcNow().UtcDateTime;

    /// <inheritdoc />
    protected override IReadOnlyList<string> TagsFor(object @event) => @event is StrategyEnabled ? [EnabledTag] : [];

    /// <inheritdoc />
    protected override void PostStop()
    {
        foreach (var symbol in _runners.Keys.ToList()) StopRunner(symbol);
        base.PostStop();
    }

    private static StrategyView View(StrategyEntry s) => new(s.Symbol, s.Strategy, s.Quantity, s.Enabled, s.InPosition, s.HeldQuantity);

    private void PersistThen<T>(T e, Action<T> apply, Action<T> then) where T : notnull =>
        Persist(e, x =>
        {
            apply(x);
            then(x);
            if (LastSequenceNr % _settings.SnapshotEvery == 0) SaveSnapshot(_state.ToSnapshot());
        });

    private void OnEnable(EnableStrategy e)
    {
        var symbol = (e.Symbol ?? "").Trim().ToUpperInvariant();
        var name = (e.Strategy ?? "").Trim().ToLowerInvariant();
        CommandResult? bad =
            symbol.Length == 0 ? new(false, "symbol", "symbol is required")
            : !_trading.IsKnownSymbol(symbol) ? new(false, "symbol", $"unknown symbol: {symbol}")
            : !_catalog.TryCreate(name, symbol, 1m, out _) ? new(false, "strategy", $"unknown strategy: {e.Strategy} (known: {string.Join(", ", _catalog.Names.Order(StringComparer.Ordinal))})")
            : e.Quantity <= 0m ? new(false, "quantity", "quantity must be greater than zero")
            : !_trading.AllowFractional && decimal.Truncate(e.Quantity) != e.Quantity ? new(false, "quantity", "quantity must be a whole number")
            : null;
        if (bad is not null)
        {
            Sender.Tell(bad);
            return;
        }
        if (_state.Strategies.GetValueOrDefault(symbol) is { Enabled: true } same && same.Strategy == name && same.Quantity == e.Quantity)
        {
            Sender.Tell(CommandResult.Ok);
            return;
        }
        var replyTo = Sender;
        PersistThen(new StrategyEnabled(symbol, name, e.Quantity, Now), _state.Apply, x =>
        {
            StopRunner(x.Symbol);
            StartRunner(_state.Strategies[x.Symbol]);
            replyTo.Tell(CommandResult.Ok);
        });
    }

    private void OnDisable(DisableStrategy d)
    {
        var symbol = (d.Symbol ?? "").Trim().ToUpperInvariant();
        if (_state.Strategies.GetValueOrDefault(symbol) is not { Enabled: true })
        {
            Sender.Tell(new CommandResult(false, "symbol", $"no strategy enabled on {symbol}"));
            return;
        }
        var replyTo = Sender;
        PersistThen(new StrategyDisabled(symbol, Now), _state.Apply, x =>
        {
            StopRunner(x.Symbol);
            replyTo.Tell(CommandResult.Ok);
        });
    }

    private void OnGetSignals(GetSignals q)
    {
        var limit = q.Limit <= 0 ? 200 : Math.Min(q.Limit, 10_000);
        var symbol = q.Symbol?.Trim().ToUpperInvariant();
        var signals = _state.Signals.Reverse().Where(s => symbol is null || s.Symbol == symbol).Take(limit);
        Sender.Tell(new SignalsView(_userId, [.. signals]));
    }

    private void Publish(SignalView signal) =>
        DistributedPubSub.Get(Context.System).Publish(RiskTopics.Signals(_userId), new SignalUpdated(_userId, signal));
}
