using System.Text.Json.Serialization;

namespace Serenity.Trading;

/// <summary>Which way an order trades.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderSide>))]
public enum OrderSide
{
    /// <summary>Buy: fills at the ask.</summary>
    Buy,

    /// <summary>Sell: fills at the bid.</summary>
    Sell,
}

/// <summary>Order type.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderType>))]
public enum OrderType
{
    /// <summary>Fills at once at the best available price.</summary>
    Market,

    /// <summary>Rests until the market crosses the limit, then fills at the limit or better.</summary>
    Limit,
}

/// <summary>The latest best bid and offer a ticker knows.</summary>
public sealed record TickerQuote(string Symbol, decimal Bid, decimal BidSize, decimal Ask, decimal AskSize, DateTime Timestamp);

/// <summary>Asks a Ticker for its latest quote; answered with <see cref="QuoteReply"/>.</summary>
public sealed record GetQuote;

/// <summary>A Ticker's latest quote, or null when it has none yet.</summary>
public sealed record QuoteReply(string Symbol, TickerQuote? Quote);

/// <summary>One execution of an order. <see cref="Seq"/> orders the fills of one account (the delivery sequence to its portfolio).</summary>
public sealed record Fill(string FillId, long Seq, string OrderId, string? ClientOrderId, string Symbol, OrderSide Side, decimal Quantity, decimal Price, DateTime Timestamp);

/// <summary>Registers a user with a password; answered with <see cref="CommandResult"/>.</summary>
public sealed record Register(string UserId, string Password)
{
    /// <summary>Never shows the password (messages end up in logs and dead letters).</summary>
    public override string ToString() => $"Register {{ UserId = {UserId}, Password = *** }}";
}

/// <summary>Checks a user's password; answered with <see cref="LoginResult"/>.</summary>
public sealed record Login(string UserId, string Password)
{
    /// <summary>Never shows the password (messages end up in logs and dead letters).</summary>
    public override string ToString() => $"Login {{ UserId = {UserId}, Password = *** }}";
}

/// <summary>The outcome of a login. A failure says only "invalid credentials" or that the account is locked.</summary>
public sealed record LoginResult(bool Success, string? Reason)
{
    /// <summary>The one answer to a wrong password or an unknown user.</summary>
    public static readonly LoginResult InvalidCredentials = new(false, "invalid credentials");
}

/// <summary>Generic outcome: success, or the field at fault and why.</summary>
public sealed record CommandResult(bool Success, string? Field = null, string? Reason = null)
{
    /// <summary>Success.</summary>
    public static readonly CommandResult Ok = new(true);
}

/// <summary>Submits an order to an Account. <paramref name="LimitPrice"/> is required for (and only allowed on) limit orders.</summary>
public sealed record SubmitOrder(
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    string? ClientOrderId = null,
    OrderType Type = OrderType.Market,
    decimal? LimitPrice = null,
    TimeInForce TimeInForce = TimeInForce.Day);

/// <summary>The outcome of a submit: a fill, or the field at fault and why.</summary>
public sealed record OrderResult(bool Accepted, string? OrderId, string? ClientOrderId, Fill? Fill, string? Field, string? Reason)
{
    /// <summary>The order as it stands after the submit (resting, filled, canceled...); null on a rejection.</summary>
    public OrderView? Order { get; init; }

    /// <summary>A rejection naming the field and reason.</summary>
    public static OrderResult Rejected(string? clientOrderId, string field, string reason) => new(false, null, clientOrderId, null, field, reason);
}

/// <summary>Resets a paper account: starting cash, no holdings; the portfolio is reset too.</summary>
public sealed record ResetAccount;

/// <summary>Asks an Account for <see cref="AccountView"/>.</summary>
public sealed record GetAccount;

/// <summary>An account's cash and holdings.</summary>
public sealed record AccountView(string UserId, bool Registered, decimal Cash, IReadOnlyDictionary<string, decimal> Holdings, int FailedLogins, bool Locked)
{
    /// <summary>Cash held back for working buy orders (remaining quantity x limit price).</summary>
    public decimal ReservedCash { get; init; }

    /// <summary>Cash minus reserved cash: what new buys may spend.</summary>
    public decimal BuyingPower { get; init; }

    /// <summary>How many orders are working.</summary>
    public int OpenOrders { get; init; }
}

/// <summary>Account to Portfolio: the delivery numbered <c>Seq</c>, a fill or a reset. Delivered at least once, applied exactly once.</summary>
public sealed record PortfolioDelivery(long Seq, Fill? Fill, bool Reset)
{
    /// <summary>The account's cash after this delivery (null in deliveries made before it was added).</summary>
    public decimal? CashAfter { get; init; }

    /// <summary>On a reset: the cash the account starts again with.</summary>
    public decimal? StartingCash { get; init; }
}

/// <summary>Portfolio to Account: every delivery up to <c>Seq</c> is applied.</summary>
public sealed record DeliveryAck(long Seq);

/// <summary>Asks a Portfolio for <see cref="PortfolioView"/>.</summary>
public sealed record GetPortfolio;

/// <summary>One position: quantity (negative = short) and average cost.</summary>
public sealed record Position(string Symbol, decimal Quantity, decimal AverageCost)
{
    /// <summary>The price the position is valued at (bid for longs, ask for shorts); null before the first quote.</summary>
    public decimal? MarketPrice { get; init; }

    /// <summary>Quantity x market price (negative for shorts); null before the first quote.</summary>
    public decimal? MarketValue { get; init; }

    /// <summary>(market price - average cost) x quantity; null before the first quote.</summary>
    public decimal? UnrealizedPnl { get; init; }
}

/// <summary>A portfolio's positions and realized P/L.</summary>
public sealed record PortfolioView(string UserId, IReadOnlyDictionary<string, Position> Positions, decimal RealizedPnl, long AppliedSeq)
{
    /// <summary>Cash as the portfolio knows it from its deliveries (equals the Account's cash once all are applied).</summary>
    public decimal Cash { get; init; }

    /// <summary>Sum of the positions' market values (positions without a quote count at cost).</summary>
    public decimal MarketValue { get; init; }

    /// <summary>Sum of the positions' unrealized P/L.</summary>
    public decimal UnrealizedPnl { get; init; }

    /// <summary>Cash + market value.</summary>
    public decimal Equity { get; init; }
}

/// <summary>Starts an entity (recovery included) without asking anything of it.</summary>
public sealed record WakeUp
{
    /// <summary>The one instance.</summary>
    public static readonly WakeUp Instance = new();
}
