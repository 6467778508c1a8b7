namespace Serenity.Trading;

/// <summary>Ticker snapshot: the last quote.</summary>
public sealed record TickerSnapshot(TickerQuote Quote);

/// <summary>A user registered; the password is stored only as a salted PBKDF2-SHA256 hash.</summary>
public sealed record AccountRegistered(string UserId, string Salt, string Hash, int Iterations, decimal StartingCash, DateTime Timestamp);

/// <summary>A login with a wrong password.</summary>
public sealed record LoginFailed(DateTime Timestamp);

/// <summary>A successful login: the failure count starts again.</summary>
public sealed record LoginSucceeded(DateTime Timestamp);

/// <summary>An order filled (wholly or partly); <see cref="Order"/> is the order after the fill.</summary>
public sealed record OrderFilled(Fill Fill)
{
    /// <summary>The order after this fill; null in events written before orders were tracked (a market order filled whole).</summary>
    public OrderView? Order { get; init; }
}

/// <summary>A limit order was accepted and rests (status new) until the market crosses it.</summary>
public sealed record OrderAccepted(OrderView Order);

/// <summary>An order stopped working without (further) fills: canceled by the user or by ioc/fok, or expired; the final view.</summary>
public sealed record OrderCanceled(OrderView Order);

/// <summary>An order's copy was forwarded to Alpaca: its id there, or why it failed.</summary>
public sealed record OrderForwarded(string OrderId, string? BrokerOrderId, string? Error, DateTime Timestamp);

/// <summary>The user's watchlist was replaced.</summary>
public sealed record WatchlistSet(IReadOnlyList<string> Symbols);

/// <summary>A client order id with the order that used it and its result (for idempotent resubmits).</summary>
public sealed record ClientOrderEntry(string ClientOrderId, SubmitOrder Order, OrderResult Result);

/// <summary>Account snapshot: everything the account's events build.</summary>
public sealed record AccountSnapshot(
    AccountRegistered? Credentials,
    int FailedLogins,
    DateTime? LockedUntil,
    decimal Cash,
    IReadOnlyDictionary<string, decimal> Holdings,
    IReadOnlyList<ClientOrderEntry> ClientOrders,
    IReadOnlyList<PortfolioDelivery> Outbox,
    long LastSeq,
    long OrderCount,
    IReadOnlyList<OrderView> Working,
    IReadOnlyList<OrderView> History,
    IReadOnlyList<Fill> Trades,
    IReadOnlyList<string> Watchlist);

/// <summary>An order with a client order id was rejected (kept so that a repeat returns the same answer).</summary>
public sealed record OrderRejected(string ClientOrderId, SubmitOrder Order, string Field, string Reason);

/// <summary>The paper account was reset to its starting cash; <c>Seq</c> is the portfolio delivery.</summary>
public sealed record AccountReset(long Seq, decimal StartingCash, DateTime Timestamp);

/// <summary>The portfolio acknowledged deliveries up to <c>Seq</c>.</summary>
public sealed record DeliveriesConfirmed(long Seq);

/// <summary>Portfolio: a fill applied.</summary>
public sealed record FillApplied(Fill Fill)
{
    /// <summary>The account's cash after the fill, when the delivery said.</summary>
    public decimal? CashAfter { get; init; }

    /// <summary>
    /// The quotes the portfolio valued its positions at when it applied the fill (the fill's value-history point), so a
    /// replay rebuilds the same point instead of one at whatever quotes it has then; null in older events.
    /// </summary>
    public IReadOnlyList<TickerQuote>? Quotes { get; init; }
}

/// <summary>Portfolio: reset to empty by the account's delivery <c>Seq</c>.</summary>
public sealed record PortfolioReset(long Seq)
{
    /// <summary>The cash the account starts again with, when the delivery said.</summary>
    public decimal? StartingCash { get; init; }

    /// <summary>When the reset was applied (the first point of the new value history).</summary>
    public DateTime? Timestamp { get; init; }
}

/// <summary>Portfolio snapshot: positions, realized P/L and the last applied delivery.</summary>
public sealed record PortfolioSnapshot(IReadOnlyList<Position> Positions, decimal RealizedPnl, long AppliedSeq)
{
    /// <summary>Cash (null in snapshots written before cash was tracked).</summary>
    public decimal? Cash { get; init; }

    /// <summary>The value history at the snapshot, oldest first.</summary>
    public IReadOnlyList<ValuePoint>? ValueHistory { get; init; }
}

/// <summary>Ticker: a minute bar arrived (new, or updated by a late trade).</summary>
public sealed record TickerBarRecorded(Serenity.MarketData.Bar Bar);

/// <summary>Ticker: trading in the symbol was halted (true) or resumed (false).</summary>
public sealed record TickerHaltChanged(bool Halted, DateTime Timestamp);

/// <summary>Ticker snapshot: last quote and trade, the bar window (oldest first), the halt flag and the day's reference price.</summary>
public sealed record TickerStateSnapshot(
    TickerQuote? Quote,
    TickerTrade? LastTrade,
    IReadOnlyList<Serenity.MarketData.Bar> Bars,
    bool Halted,
    decimal? ReferencePrice,
    DateTime? ReferenceDay);
