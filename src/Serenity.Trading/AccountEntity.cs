using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Persistence;
using Serenity.Trading.Alpaca;

namespace Serenity.Trading;

/// <summary>
/// One user's paper account: credentials, cash, holdings, orders (working and history), trades and the watchlist.
/// Every change is persisted before the reply. A fill is then delivered to the user's Portfolio until acknowledged
/// (re-sent after recovery and on an interval), so a crash between the two neither loses nor doubles it. Order changes
/// and fills are published as <see cref="AccountUpdated"/> on <c>account.{user}</c>. Orders: see the partial files.
/// </summary>
public sealed partial class AccountEntity : ReceivePersistentActor, IWithTimers
{
    private static readonly object RedeliverTick = new();
    private readonly string _userId;
    private readonly TradingSettings _settings;
    private readonly SnapshotSchedule _snapshots;
    private readonly AccountState _state;
    private const int AcksPerConfirmation = 100;
    private int _unjournaledAcks;

    /// <summary>The account of <paramref name="userId"/>; accepted orders are forwarded to <paramref name="broker"/> when given.</summary>
    public AccountEntity(string userId, TradingSettings settings, AlpacaTradingClient? broker = null)
    {
        _userId = userId;
        _settings = settings;
        _snapshots = new SnapshotSchedule(PersistenceId, settings.SnapshotEvery);
        _broker = broker;
        _state = new AccountState(settings);
        Recover<SnapshotOffer>(o => { if (o.Snapshot is AccountSnapshot s) _state.Restore(s); });
        Recover<AccountRegistered>(_state.Apply);
        Recover<LoginFailed>(_state.Apply);
        Recover<LoginSucceeded>(_state.Apply);
        Recover<OrderFilled>(_state.Apply);
        Recover<OrderAccepted>(_state.Apply);
        Recover<OrderCanceled>(_state.Apply);
        Recover<OrderRejected>(_state.Apply);
        Recover<AccountReset>(_state.Apply);
        Recover<DeliveriesConfirmed>(_state.Apply);
        Recover<WatchlistSet>(_state.Apply);
        Recover<OrderForwarded>(_state.Apply);
        Recover<RecoveryCompleted>(_ =>
        {
            Timers.StartPeriodicTimer(RedeliverTick, RedeliverTick, _settings.RedeliverInterval);
            Redeliver();
            FollowWorkingSymbols();
            ArmExpiry();
        });

        Command<Register>(OnRegister);
        Command<Login>(OnLogin);
        Command<SubmitOrder>(OnSubmit);
        Command<TickerArrived>(OnTickerArrived);
        Command<PreTradeChecked>(OnPreTradeChecked);
        Command<DecideNext>(_ => DecideInOrder());
        Command<CancelOrder>(OnCancel);
        Command<Serenity.MarketData.Quote>(OnMarketQuote);
        Command<Recheck>(r => FillCrossed(r.Quote));
        Command<BrokerReplied>(OnBrokerReplied);
        Command<ResetAccount>(_ => OnReset());
        Command<SetWatchlist>(OnSetWatchlist);
        Command<GetAccount>(_ => Sender.Tell(View()));
        Command<WakeUp>(_ => { }); // recovery has already followed the working orders' quotes and armed their expiry
        Command<GetOrders>(q => Sender.Tell(OrdersOf(q)));
        Command<GetTrades>(q => Sender.Tell(new TradesView(_userId, [.. _state.Trades.Take(Limit(q.Limit))])));
        Command<GetWatchlist>(_ => Sender.Tell(new WatchlistView(_userId, _state.Watchlist)));
        Command<DeliveryAck>(OnAck);
        Command<object>(_ => Redeliver(), m => ReferenceEquals(m, RedeliverTick));
        Command<object>(_ => OnExpiry(), m => ReferenceEquals(m, ExpiryTick));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(_snapshots.Superseded(s.Metadata.SequenceNr)));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { }); // an old snapshot left behind is harmless
        Command<SaveSnapshotFailure>(_ => { }); // the journal still holds everything
    }

    /// <summary>Props for the account of <paramref name="userId"/>.</summary>
    public static Props Props(string userId, TradingSettings settings) => Actors.Props.Create(() => new AccountEntity(userId, settings, null));

    /// <summary>Props for the account of <paramref name="userId"/> forwarding accepted orders to <paramref name="broker"/> (null: none).</summary>
    public static Props Props(string userId, TradingSettings settings, AlpacaTradingClient? broker) =>
        Actors.Props.Create(() => new AccountEntity(userId, settings, broker));

    /// <inheritdoc />
    public override string PersistenceId => "account-" + _userId;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private DateTime Now => Context.System.Clock.GetUtcNow().UtcDateTime;

    /// <inheritdoc />
    protected override IReadOnlyList<string> TagsFor(object @event) => @event is OrderAccepted ? [TradingEntities.WorkingOrdersTag] : [];

    /// <inheritdoc />
    protected override void PostStop()
    {
        UnfollowAll();
        base.PostStop();
    }

    /// <summary>Persists <paramref name="e"/>, applies it, runs <paramref name="then"/> and snapshots every <c>snapshot-every</c> events.</summary>
    private void PersistThen<T>(T e, Action<T> then) where T : notnull =>
        Persist(e, x =>
        {
            _state.Apply(x);
            then(x);
            MaybeSnapshot();
        });

    private void MaybeSnapshot()
    {
        if (_snapshots.IsDue(LastSequenceNr)) SaveSnapshot(_state.ToSnapshot());
    }

    private void OnRegister(Register r)
    {
        if (_state.Credentials is not null)
        {
            Sender.Tell(new CommandResult(false, "user_id", "already registered"));
            return;
        }
        if (string.IsNullOrEmpty(r.Password) || r.Password.Length < 8)
        {
            Sender.Tell(new CommandResult(false, "password", "must be at least 8 characters"));
            return;
        }
        var (salt, hash) = PasswordHasher.Hash(r.Password, _settings.PasswordIterations);
        var replyTo = Sender;
        PersistThen(new AccountRegistered(_userId, salt, hash, _settings.PasswordIterations, _settings.StartingCash, Now), _ => replyTo.Tell(CommandResult.Ok));
    }

    private void OnLogin(Login l)
    {
        if (_state.Credentials is not { } c)
        {
            Sender.Tell(LoginResult.InvalidCredentials);
            return;
        }
        if (_state.IsLocked(Now))
        {
            Sender.Tell(new LoginResult(false, "account locked"));
            return;
        }
        var replyTo = Sender;
        if (PasswordHasher.Verify(l.Password ?? "", c.Salt, c.Hash, c.Iterations))
        {
            PersistThen(new LoginSucceeded(Now), _ => replyTo.Tell(new LoginResult(true, null)));
        }
        else
        {
            PersistThen(new LoginFailed(Now), _ => replyTo.Tell(LoginResult.InvalidCredentials));
        }
    }

    private void OnReset()
    {
        if (_state.Credentials is null)
        {
            Sender.Tell(new CommandResult(false, "user_id", "account not registered"));
            return;
        }
        var replyTo = Sender;
        PersistThen(new AccountReset(_state.LastSeq + 1, _settings.StartingCash, Now), e =>
        {
            Deliver(_state.Outbox[e.Seq]);
            FollowWorkingSymbols();
            ArmExpiry();
            Publish(null, null);
            replyTo.Tell(CommandResult.Ok);
        });
    }

    private void OnSetWatchlist(SetWatchlist w)
    {
        if (_state.Credentials is null)
        {
            Sender.Tell(new CommandResult(false, "user_id", "account not registered"));
            return;
        }
        var symbols = (w.Symbols ?? []).Select(s => (s ?? "").Trim().ToUpperInvariant()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (symbols.Count > 100)
        {
            Sender.Tell(new CommandResult(false, "symbols", "at most 100 symbols"));
            return;
        }
        if (symbols.FirstOrDefault(s => !_settings.IsKnownSymbol(s)) is { } unknown)
        {
            Sender.Tell(new CommandResult(false, "symbols", $"unknown symbol: {unknown}"));
            return;
        }
        var replyTo = Sender;
        PersistThen(new WatchlistSet(symbols), _ => replyTo.Tell(CommandResult.Ok));
    }

    /// <summary>
    /// Forgets the deliveries the portfolio acknowledged at once, and journals that only every
    /// <see cref="AcksPerConfirmation"/> acknowledgements. Confirmations not yet journaled are lost when the account
    /// stops (a crash, a passivation); the recovered account re-sends those fills, which the portfolio acknowledges
    /// without applying them again (it applies each sequence number once). Journaling every one was a third commit, and
    /// a third fsync, per order.
    /// </summary>
    private void OnAck(DeliveryAck a)
    {
        if (_state.Outbox.Count == 0 || _state.Outbox.Keys.First() > a.Seq) return; // nothing new confirmed
        var confirmed = new DeliveriesConfirmed(a.Seq);
        _state.Apply(confirmed);
        if (++_unjournaledAcks < AcksPerConfirmation) return;
        _unjournaledAcks = 0;
        Persist(confirmed, _ => MaybeSnapshot()); // already applied above
    }

    private void Redeliver()
    {
        foreach (var d in _state.Outbox.Values) Deliver(d);
    }

    private void Deliver(PortfolioDelivery d) =>
        PortfolioRef.Tell(d, Self);

    /// <summary>Tells the account's followers (<c>account.{user}</c>) what changed.</summary>
    private void Publish(OrderView? order, Fill? fill) =>
        DistributedPubSub.Get(Context.System).Publish(TradingTopics.Account(_userId), new AccountUpdated(_userId, _state.Cash, order, fill));

    private static int Limit(int limit) => limit <= 0 ? 100 : Math.Min(limit, 10_000);

    private OrdersView OrdersOf(GetOrders q)
    {
        var working = _state.Working.Reverse();
        var orders = q.OpenOnly
            ? working
            : working.Concat(_state.History).OrderByDescending(o => o.CreatedAt).ThenByDescending(o => OrderNumber(o.OrderId));
        return new OrdersView(_userId, [.. orders.Take(Limit(q.Limit))]);
    }

    private static long OrderNumber(string orderId) =>
        long.TryParse(orderId.AsSpan(orderId.LastIndexOf('-') + 1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    private AccountView View() =>
        new(_userId, _state.Credentials is not null, _state.Cash, new Dictionary<string, decimal>(_state.Holdings, StringComparer.Ordinal),
            _state.FailedLogins, _state.IsLocked(Now))
        {
            ReservedCash = _state.ReservedCash,
            BuyingPower = _state.BuyingPower,
            OpenOrders = _state.Working.Count,
        };
}
