namespace Serenity.Trading;

/// <summary>Ticker snapshot: the last quote.</summary>
public sealed record TickerSnapshot(TickerQuote Quote);

/// <summary>A user registered; the password is stored only as a salted PBKDF2-SHA256 hash.</summary>
public sealed record AccountRegistered(string UserId, string Salt, string Hash, int Iterations, decimal StartingCash, DateTime Timestamp);

/// <summary>A login with a wrong password.</summary>
public sealed record LoginFailed(DateTime Timestamp);

/// <summary>A successful login: the failure count starts again.</summary>
public sealed record LoginSucceeded(DateTime Timestamp);

/// <summary>A market order filled.</summary>
public sealed record OrderFilled(Fill Fill);

/// <summary>An order with a client order id was rejected (kept so that a repeat returns the same answer).</summary>
public sealed record OrderRejected(string ClientOrderId, SubmitOrder Order, string Field, string Reason);

/// <summary>The paper account was reset to its starting cash; <c>Seq</c> is the portfolio delivery.</summary>
public sealed record AccountReset(long Seq, decimal StartingCash, DateTime Timestamp);

/// <summary>The portfolio acknowledged deliveries up to <c>Seq</c>.</summary>
public sealed record DeliveriesConfirmed(long Seq);

/// <summary>Portfolio: a fill applied.</summary>
public sealed record FillApplied(Fill Fill);

/// <summary>Portfolio: reset to empty by the account's delivery <c>Seq</c>.</summary>
public sealed record PortfolioReset(long Seq);

/// <summary>Portfolio snapshot: positions, realized P/L and the last applied delivery.</summary>
public sealed record PortfolioSnapshot(IReadOnlyList<Position> Positions, decimal RealizedPnl, long AppliedSeq);
