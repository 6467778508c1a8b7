using Serenity.Actors;

namespace Serenity.Trading;

/// <summary>Submitting and canceling orders.</summary>
public sealed partial class AccountEntity
{
    private readonly Dictionary<string, (SubmitOrder Order, List<IActorRef> Waiters)> _inFlight = new(StringComparer.Ordinal);

    private void OnSubmit(SubmitOrder o)
    {
        o = o with
        {
            Symbol = (o.Symbol ?? "").Trim().ToUpperInvariant(),
            ClientOrderId = string.IsNullOrWhiteSpace(o.ClientOrderId) ? null : o.ClientOrderId,
        };
        if (_state.Credentials is null)
        {
            Sender.Tell(OrderResult.Rejected(o.ClientOrderId, "user_id", "account not registered"));
            return;
        }
        if (o.ClientOrderId is { } id)
        {
            if (id.Length > 128)
            {
                Sender.Tell(OrderResult.Rejected(id, "client_order_id", "client order id must be at most 128 characters"));
                return;
            }
            if (_state.ByClientOrderId.TryGetValue(id, out var done))
            {
                Sender.Tell(done.Order == o ? Current(done.Result) : DuplicateId(id));
                return;
            }
            if (_inFlight.TryGetValue(id, out var pending))
            {
                if (pending.Order == o) pending.Waiters.Add(Sender); // answered with the first submit's result
                else Sender.Tell(DuplicateId(id));
                return;
            }
        }
        if (OrderRules.ValidateShape(o, _settings) is { } bad)
        {
            Reject(o, bad.Field, bad.Reason, [Sender]);
            return;
        }
        if (o.ClientOrderId is { } cid) _inFlight[cid] = (o, [Sender]);
        var self = Self;
        var replyTo = Sender;
        var (epoch, seq) = NextSubmitNumber();
        TickerRef(o.Symbol)
            .Ask<TickerView>(new GetTicker(), _settings.QuoteTimeout)
            .ContinueWith(t => self.Tell(new TickerArrived(o, t.IsCompletedSuccessfully ? t.Result : null, replyTo, epoch, seq)), TaskScheduler.Default);
    }

    /// <summary>Who waits for the order's result: its sender, or everyone who submitted its client order id meanwhile.</summary>
    private List<IActorRef> Waiters(TickerArrived a) =>
        a.Order.ClientOrderId is { } cid && _inFlight.Remove(cid, out var pending) ? pending.Waiters : [a.ReplyTo];

    private static OrderResult DuplicateId(string id) => OrderResult.Rejected(id, "client_order_id", "duplicate client order id with different content");

    /// <summary>A remembered result with the order as it stands now (a resting order may have filled since).</summary>
    private OrderResult Current(OrderResult r) => r.OrderId is { } id && _state.Find(id) is { } now ? r with { Order = now } : r;

    /// <summary>
    /// Decides the order at the ticker's answer. With the pre-trade check on, an order that would fill or rest is first sent
    /// to the check (<paramref name="check"/> null) and decided again, rules included, when the answer is back, so orders
    /// decided meanwhile cannot overdraw; its client order id stays in flight until then, so a repeat waits for this result.
    /// </summary>
    private void Execute(TickerArrived a, PreTradeCheckResult? check)
    {
        var o = a.Order;
        if (a.Ticker is not { } ticker)
        {
            Reject(o, "symbol", $"no quote yet for {o.Symbol} (the ticker did not answer)", Waiters(a));
            return;
        }
        if (ticker.Halted)
        {
            Reject(o, "symbol", $"market closed: {o.Symbol} is halted", Waiters(a));
            return;
        }
        if (ticker.Quote is not { } q || q.Ask <= 0m || q.Bid <= 0m)
        {
            Reject(o, "symbol", $"no quote yet for {o.Symbol}", Waiters(a));
            return;
        }
        var x = OrderRules.Decide(o, q, _settings.AllowFractional);
        if ((x.Fills || x.Rests) && Unaffordable(o, x) is { } reason)
        {
            Reject(o, "quantity", reason, Waiters(a));
            return;
        }
        if ((x.Fills || x.Rests) && _settings.PreTradeCheck)
        {
            if (check is null)
            {
                AskPreTradeCheck(a, x);
                return;
            }
            if (!check.Accepted)
            {
                Reject(o, check.Field ?? "risk", check.Reason ?? "rejected by the pre-trade risk check", Waiters(a));
                return;
            }
        }
        var replyTo = Waiters(a);

        var now = Now;
        // The ticker's own copy of the symbol: the request's copy is a new string per order, and the order's history entry,
        // its fill and the position would keep it alive into the older generations.
        var symbol = string.Equals(ticker.Symbol, o.Symbol, StringComparison.Ordinal) ? ticker.Symbol : o.Symbol;
        var order = new OrderView($"{_userId}-{_state.OrderCount + 1}", o.ClientOrderId, symbol, o.Side, o.Type, o.TimeInForce, o.Quantity,
            o.LimitPrice, 0m, null, OrderStatus.New, now, now);
        if (x.Rests)
        {
            PersistThen(new OrderAccepted(order), e =>
            {
                FollowWorkingSymbols();
                ArmExpiry();
                Done(e.Order, null, replyTo);
                Forward(e.Order);
            });
        }
        else if (x.Fills)
        {
            var filled = order with
            {
                FilledQuantity = x.FillQuantity,
                AverageFillPrice = x.Price,
                Status = x.FillQuantity == o.Quantity ? OrderStatus.Filled : OrderStatus.Canceled, // ioc: the rest is canceled
                Reason = x.CancelReason,
            };
            PersistFill(filled, x.FillQuantity, x.Price, now, replyTo, () => Forward(filled));
        }
        else
        {
            PersistThen(new OrderCanceled(order with { Status = OrderStatus.Canceled, Reason = x.CancelReason }), e =>
            {
                Done(e.Order, null, replyTo);
                Forward(e.Order); // Alpaca decides for itself what its copy does at its own quote
            });
        }
    }

    /// <summary>Why the account cannot take the order as it would execute (fill now or rest), or null when it can.</summary>
    private string? Unaffordable(SubmitOrder o, Execution x)
    {
        var quantity = x.Rests ? o.Quantity : x.FillQuantity;
        if (o.Side == OrderSide.Buy)
        {
            var price = x.Rests ? o.LimitPrice!.Value : x.Price;
            var cost = quantity * price;
            var power = _state.BuyingPower;
            return cost > power
                ? $"insufficient cash: {OrderRules.Money(quantity)} x {OrderRules.Money(price)} = {OrderRules.Money(cost)} exceeds buying power {OrderRules.Money(power)}"
                : null;
        }
        if (_settings.AllowShort) return null;
        var held = _state.Holdings.GetValueOrDefault(o.Symbol);
        var reserved = _state.ReservedShares(o.Symbol);
        return quantity > held - reserved
            ? $"insufficient position: selling {OrderRules.Money(quantity)} but {OrderRules.Money(held - reserved)} available ({OrderRules.Money(held)} held, {OrderRules.Money(reserved)} in working sell orders)"
            : null;
    }

    /// <summary>Persists a fill of <paramref name="after"/>'s order (the order as it stands after the fill), delivers it to the portfolio, replies.</summary>
    private void PersistFill(OrderView after, decimal quantity, decimal price, DateTime now, List<IActorRef> replyTo, Action then)
    {
        var seq = _state.LastSeq + 1;
        var fill = new Fill($"{_userId}-fill-{seq}", seq, after.OrderId, after.ClientOrderId, after.Symbol, after.Side, quantity, price, now);
        PersistThen(new OrderFilled(fill) { Order = after with { UpdatedAt = now } }, e =>
        {
            Deliver(_state.Outbox[e.Fill.Seq]); // before the reply, so a caller's next portfolio query sees it
            FollowWorkingSymbols();
            ArmExpiry();
            Done(e.Order!, e.Fill, replyTo);
            then();
        });
    }

    private void Done(OrderView order, Fill? fill, List<IActorRef> replyTo)
    {
        Publish(order, fill);
        var result = new OrderResult(true, order.OrderId, order.ClientOrderId, fill, null, null) { Order = order };
        foreach (var r in replyTo) r.Tell(result);
    }

    private void Reject(SubmitOrder o, string field, string reason, List<IActorRef> replyTo)
    {
        var result = OrderResult.Rejected(o.ClientOrderId, field, reason);
        if (o.ClientOrderId is { } cid)
        {
            PersistThen(new OrderRejected(cid, o, field, reason), _ =>
            {
                foreach (var r in replyTo) r.Tell(result);
            });
        }
        else
        {
            foreach (var r in replyTo) r.Tell(result);
        }
    }

    private void OnCancel(CancelOrder c)
    {
        var working = _state.Working.FirstOrDefault(o => string.Equals(o.OrderId, c.OrderId, StringComparison.Ordinal));
        if (working is null)
        {
            Sender.Tell(_state.Find(c.OrderId ?? "") is { } done
                ? new CommandResult(false, "order_id", $"order is no longer working: {StatusText(done.Status)}")
                : new CommandResult(false, "order_id", "unknown order"));
            return;
        }
        var replyTo = Sender;
        PersistThen(new OrderCanceled(working with { Status = OrderStatus.Canceled, UpdatedAt = Now, Reason = "canceled by user" }), e =>
        {
            FollowWorkingSymbols();
            ArmExpiry();
            Publish(e.Order, null);
            replyTo.Tell(CommandResult.Ok);
            ForwardCancel(e.Order);
        });
    }

    /// <summary>The status as the API spells it (snake case).</summary>
    internal static string StatusText(OrderStatus status) => status switch
    {
        OrderStatus.PartiallyFilled => "partially_filled",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The ticker's answer to an order's request, back in the actor (null: no answer in time).</summary>
    internal sealed record TickerArrived(SubmitOrder Order, TickerView? Ticker, IActorRef ReplyTo, object? Epoch = null, long Seq = 0);
}
