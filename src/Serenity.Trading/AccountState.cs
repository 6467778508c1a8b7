namespace Serenity.Trading;

/// <summary>An account's state, rebuilt from its events.</summary>
internal sealed class AccountState
{
    public AccountRegistered? Credentials { get; private set; }

    public int FailedLogins { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public decimal Cash { get; private set; }

    public Dictionary<string, decimal> Holdings { get; } = new(StringComparer.Ordinal);

    /// <summary>Results by client order id, with the order that produced them.</summary>
    public Dictionary<string, (SubmitOrder Order, OrderResult Result)> ByClientOrderId { get; } = new(StringComparer.Ordinal);

    /// <summary>Deliveries the portfolio has not acknowledged yet, in order.</summary>
    public SortedDictionary<long, PortfolioDelivery> Outbox { get; } = [];

    public long LastSeq { get; private set; }

    public long OrderCount { get; private set; }

    public void Apply(object e, int maxFailures, TimeSpan lockout)
    {
        switch (e)
        {
            case AccountRegistered r:
                Credentials = r;
                Cash = r.StartingCash;
                break;
            case LoginFailed f:
                FailedLogins++;
                if (FailedLogins >= maxFailures) LockedUntil = f.Timestamp + lockout;
                break;
            case LoginSucceeded:
                FailedLogins = 0;
                LockedUntil = null;
                break;
            case OrderFilled { Fill: var fill }:
                OrderCount++;
                LastSeq = fill.Seq;
                var amount = fill.Quantity * fill.Price;
                Cash += fill.Side == OrderSide.Buy ? -amount : amount;
                var held = Holdings.GetValueOrDefault(fill.Symbol) + (fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity);
                if (held == 0m) Holdings.Remove(fill.Symbol);
                else Holdings[fill.Symbol] = held;
                if (fill.ClientOrderId is { } id)
                {
                    ByClientOrderId[id] = (new SubmitOrder(fill.Symbol, fill.Side, fill.Quantity, id), new OrderResult(true, fill.OrderId, id, fill, null, null));
                }
                Outbox[fill.Seq] = new PortfolioDelivery(fill.Seq, fill, false);
                break;
            case OrderRejected r:
                ByClientOrderId[r.ClientOrderId] = (r.Order, OrderResult.Rejected(r.ClientOrderId, r.Field, r.Reason));
                break;
            case AccountReset r:
                LastSeq = r.Seq;
                Cash = r.StartingCash;
                Holdings.Clear();
                Outbox[r.Seq] = new PortfolioDelivery(r.Seq, null, true);
                break;
            case DeliveriesConfirmed c:
                foreach (var seq in Outbox.Keys.Where(k => k <= c.Seq).ToList()) Outbox.Remove(seq);
                break;
        }
    }

    public bool IsLocked(DateTime now) => LockedUntil is { } until && now < until;
}
