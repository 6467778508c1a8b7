namespace Serenity.Trading;

/// <summary>
/// Account to the pre-trade check entity (type <c>serenity.trading.pre-trade-check-entity</c>, id = user id): may this
/// order be placed? Sent only when <c>serenity.trading.pre-trade-check = on</c>, after the order rules passed, with the
/// account's cash and holdings as they stand; answered with <see cref="PreTradeCheckResult"/>.
/// </summary>
/// <param name="UserId">The account's user.</param>
/// <param name="Symbol">The order's symbol (upper case).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Shares the order would trade now (or rest for), positive.</param>
/// <param name="Price">The expected price: the ask (buys) or bid (sells) for an order that fills now, the limit for one that rests.</param>
/// <param name="Cash">The account's cash before the order.</param>
/// <param name="Holdings">The account's holdings before the order (symbol to signed quantity).</param>
public sealed record PreTradeCheckRequest(
    string UserId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Cash,
    IReadOnlyDictionary<string, decimal> Holdings)
{
    /// <summary>Signed quantity: positive for buys, negative for sells.</summary>
    public decimal SignedQuantity => Side == OrderSide.Buy ? Quantity : -Quantity;
}

/// <summary>The pre-trade check's answer: accepted, or the field at fault and why (the order is then rejected with them).</summary>
/// <param name="Accepted">True when the order may be placed.</param>
/// <param name="Field">The rejected field (e.g. <c>quantity</c>), or null.</param>
/// <param name="Reason">Why, with the figures, or null.</param>
public sealed record PreTradeCheckResult(bool Accepted, string? Field = null, string? Reason = null)
{
    /// <summary>An acceptance.</summary>
    public static readonly PreTradeCheckResult Ok = new(true);
}
