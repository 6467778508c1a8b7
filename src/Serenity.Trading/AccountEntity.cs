using Serenity.Actors;
using Serenity.Cluster.Sharding;
using Serenity.Persistence;

namespace Serenity.Trading;

/// <summary>
/// One user's paper account: credentials, cash, holdings and market orders. A fill is persisted before the reply,
/// then delivered to the user's Portfolio until acknowledged (re-sent after recovery and on an interval).
/// </summary>
public sealed class AccountEntity : ReceivePersistentActor, IWithTimers
{
    private static readonly object RedeliverTick = new();
    private readonly string _userId;
    private readonly TradingSettings _settings;
    private readonly AccountState _state = new();
    private readonly Dictionary<string, (SubmitOrder Order, List<IActorRef> Waiters)> _inFlight = new(StringComparer.Ordinal);

    /// <summary>The account of <paramref name="userId"/>.</summary>
    public AccountEntity(string userId, TradingSettings settings)
    {
        _userId = userId;
        _settings = settings;
        Recover<AccountRegistered>(Apply);
        Recover<LoginFailed>(Apply);
        Recover<LoginSucceeded>(Apply);
        Recover<OrderFilled>(Apply);
        Recover<OrderRejected>(Apply);
        Recover<AccountReset>(Apply);
        Recover<DeliveriesConfirmed>(Apply);
        Recover<RecoveryCompleted>(_ =>
        {
            Timers.StartPeriodicTimer(RedeliverTick, RedeliverTick, _settings.RedeliverInterval);
            Redeliver();
        });

        Command<Register>(OnRegister);
        Command<Login>(OnLogin);
        Command<SubmitOrder>(OnSubmit);
        Command<QuoteArrived>(OnQuoteArrived);
        Command<ResetAccount>(_ => OnReset());
        Command<GetAccount>(_ => Sender.Tell(View()));
        Command<DeliveryAck>(OnAck);
        Command<object>(_ => Redeliver(), m => ReferenceEquals(m, RedeliverTick));
    }

    /// <summary>Props for the account of <paramref name="userId"/>.</summary>
    public static Props Props(string userId, TradingSettings settings) => Actors.Props.Create(() => new AccountEntity(userId, settings));

    /// <inheritdoc />
    public override string PersistenceId => "account-" + _userId;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private DateTime Now => Context.System.Clock.GetUtcNow().UtcDateTime;

    private void Apply<T>(T e) where T : notnull => _state.Apply(e, _settings.MaxFailedLogins, _settings.LockoutDuration);

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
        Persist(new AccountRegistered(_userId, salt, hash, _settings.PasswordIterations, _settings.StartingCash, Now), e =>
        {
            Apply(e);
            replyTo.Tell(CommandResult.Ok);
        });
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
            Persist(new LoginSucceeded(Now), e => { Apply(e); replyTo.Tell(new LoginResult(true, null)); });
        }
        else
        {
            Persist(new LoginFailed(Now), e => { Apply(e); replyTo.Tell(LoginResult.InvalidCredentials); });
        }
    }

    private void OnSubmit(SubmitOrder o)
    {
        if (_state.Credentials is null)
        {
            Sender.Tell(OrderResult.Rejected(o.ClientOrderId, "user_id", "account not registered"));
            return;
        }
        if (o.ClientOrderId is { } id)
        {
            if (_state.ByClientOrderId.TryGetValue(id, out var done))
            {
                Sender.Tell(done.Order == o ? done.Result : OrderResult.Rejected(id, "client_order_id", "duplicate client order id with different content"));
                return;
            }
            if (_inFlight.TryGetValue(id, out var pending))
            {
                if (pending.Order == o) pending.Waiters.Add(Sender); // answered with the first submit's result
                else Sender.Tell(OrderResult.Rejected(id, "client_order_id", "duplicate client order id with different content"));
                return;
            }
        }
        var invalid = Validate(o);
        if (invalid is { } bad)
        {
            Reject(o, bad.Field, bad.Reason, [Sender]);
            return;
        }
        if (o.ClientOrderId is { } cid) _inFlight[cid] = (o, [Sender]);
        var self = Self;
        var replyTo = Sender;
        ClusterSharding.Get(Context.System).EntityRefFor(TradingEntities.TickerType, o.Symbol)
            .Ask<QuoteReply>(new GetQuote(), _settings.QuoteTimeout)
            .ContinueWith(t => self.Tell(new QuoteArrived(o, t.IsCompletedSuccessfully ? t.Result.Quote : null, replyTo)), TaskScheduler.Default);
    }

    private static (string Field, string Reason)? Validate(SubmitOrder o)
    {
        if (string.IsNullOrWhiteSpace(o.Symbol)) return ("symbol", "symbol is required");
        if (o.Type != OrderType.Market) return ("type", "only market orders are supported");
        if (o.Side is not (OrderSide.Buy or OrderSide.Sell)) return ("side", "side must be buy or sell");
        if (o.Quantity <= 0m) return ("quantity", "quantity must be greater than zero");
        if (decimal.Truncate(o.Quantity) != o.Quantity) return ("quantity", "quantity must be a whole number");
        return null;
    }

    private void OnQuoteArrived(QuoteArrived a)
    {
        var o = a.Order;
        List<IActorRef> replyTo = [a.ReplyTo];
        if (o.ClientOrderId is { } cid && _inFlight.Remove(cid, out var pending)) replyTo = pending.Waiters;

        if (a.Quote is not { } q || q.Ask <= 0m || q.Bid <= 0m)
        {
            Reject(o, "symbol", $"unknown symbol or no quote yet: {o.Symbol}", replyTo);
            return;
        }
        var price = o.Side == OrderSide.Buy ? q.Ask : q.Bid;
        if (o.Side == OrderSide.Buy && o.Quantity * price > _state.Cash)
        {
            Reject(o, "quantity", $"insufficient cash: {o.Quantity} x {price} = {o.Quantity * price} exceeds cash {_state.Cash}", replyTo);
            return;
        }
        var held = _state.Holdings.GetValueOrDefault(o.Symbol);
        if (o.Side == OrderSide.Sell && o.Quantity > held)
        {
            Reject(o, "quantity", $"insufficient position: selling {o.Quantity} but {held} held", replyTo);
            return;
        }
        var seq = _state.LastSeq + 1;
        var orderId = $"{_userId}-{_state.OrderCount + 1}";
        var fill = new Fill($"{_userId}-fill-{seq}", seq, orderId, o.ClientOrderId, o.Symbol, o.Side, o.Quantity, price, Now);
        Persist(new OrderFilled(fill), e =>
        {
            Apply(e);
            Deliver(_state.Outbox[e.Fill.Seq]); // before the reply, so a caller's next portfolio query sees it
            var result = new OrderResult(true, orderId, o.ClientOrderId, e.Fill, null, null);
            foreach (var r in replyTo) r.Tell(result);
        });
    }

    private void Reject(SubmitOrder o, string field, string reason, List<IActorRef> replyTo)
    {
        var result = OrderResult.Rejected(o.ClientOrderId, field, reason);
        if (o.ClientOrderId is { } cid)
        {
            Persist(new OrderRejected(cid, o, field, reason), e =>
            {
                Apply(e);
                foreach (var r in replyTo) r.Tell(result);
            });
        }
        else
        {
            foreach (var r in replyTo) r.Tell(result);
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
        Persist(new AccountReset(_state.LastSeq + 1, _settings.StartingCash, Now), e =>
        {
            Apply(e);
            Deliver(_state.Outbox[e.Seq]);
            replyTo.Tell(CommandResult.Ok);
        });
    }

    private void OnAck(DeliveryAck a)
    {
        if (_state.Outbox.Count == 0 || _state.Outbox.Keys.First() > a.Seq) return; // nothing new confirmed
        Persist(new DeliveriesConfirmed(a.Seq), Apply);
    }

    private void Redeliver()
    {
        foreach (var d in _state.Outbox.Values) Deliver(d);
    }

    private void Deliver(PortfolioDelivery d) =>
        ClusterSharding.Get(Context.System).EntityRefFor(TradingEntities.PortfolioType, _userId).Tell(d, Self);

    private AccountView View() =>
        new(_userId, _state.Credentials is not null, _state.Cash, new Dictionary<string, decimal>(_state.Holdings, StringComparer.Ordinal),
            _state.FailedLogins, _state.IsLocked(Now));

    /// <summary>The ticker's answer to an order's quote request, back in the actor.</summary>
    internal sealed record QuoteArrived(SubmitOrder Order, TickerQuote? Quote, IActorRef ReplyTo);
}
