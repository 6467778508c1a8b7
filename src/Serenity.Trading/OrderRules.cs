using System.Globalization;

namespace Serenity.Trading;

/// <summary>What an order does at the quote it meets: fill some quantity at a price, rest, or be canceled.</summary>
internal readonly record struct Execution(decimal FillQuantity, decimal Price, bool Rests, string? CancelReason)
{
    public static Execution Rest => new(0m, 0m, true, null);

    public static Execution Cancel(string reason) => new(0m, 0m, false, reason);

    public bool Fills => FillQuantity > 0m;
}

/// <summary>The order rules that need no state: the shape of a submit, and how an order meets a quote.</summary>
internal static class OrderRules
{
    /// <summary>The first thing wrong with the order itself (before any quote or cash is looked at), or null.</summary>
    public static (string Field, string Reason)? ValidateShape(SubmitOrder o, TradingSettings settings)
    {
        if (string.IsNullOrWhiteSpace(o.Symbol)) return ("symbol", "symbol is required");
        if (!Enum.IsDefined(o.Side)) return ("side", "side must be buy or sell");
        if (!Enum.IsDefined(o.Type)) return ("type", "type must be market or limit");
        if (!Enum.IsDefined(o.TimeInForce)) return ("time_in_force", "time in force must be day, gtc, ioc or fok");
        if (o.Quantity <= 0m) return ("quantity", "quantity must be greater than zero");
        if (!settings.AllowFractional && decimal.Truncate(o.Quantity) != o.Quantity) return ("quantity", "quantity must be a whole number");
        if (o.Type == OrderType.Limit)
        {
            if (o.LimitPrice is not { } limit) return ("limit_price", "limit price is required for limit orders");
            if (limit <= 0m) return ("limit_price", "limit price must be greater than zero");
        }
        else if (o.LimitPrice is not null)
        {
            return ("limit_price", "limit price is only allowed on limit orders");
        }
        if (!settings.IsKnownSymbol(o.Symbol)) return ("symbol", $"unknown symbol: {o.Symbol}");
        return null;
    }

    /// <summary>Whether the quote crosses the order: always for market orders; ask at or under the limit for buys, bid at or over it for sells.</summary>
    public static bool Crosses(OrderSide side, OrderType type, decimal? limit, TickerQuote q) =>
        type == OrderType.Market || (side == OrderSide.Buy ? q.Ask <= limit : q.Bid >= limit);

    /// <summary>
    /// What a new order does at <paramref name="q"/>: day/gtc orders fill their whole quantity at the ask (buys) or bid
    /// (sells) when crossed, else rest (limit); ioc fills what the quote displays on its side (the rest is canceled),
    /// fok fills all when the quote displays enough, else nothing; both are canceled when not crossed.
    /// </summary>
    public static Execution Decide(SubmitOrder o, TickerQuote q, bool allowFractional)
    {
        var buy = o.Side == OrderSide.Buy;
        var price = buy ? q.Ask : q.Bid;
        var displayed = buy ? q.AskSize : q.BidSize;
        if (!allowFractional) displayed = decimal.Floor(displayed);
        var crossed = Crosses(o.Side, o.Type, o.LimitPrice, q);
        var tif = o.TimeInForce.ToString().ToLowerInvariant();
        switch (o.TimeInForce)
        {
            case TimeInForce.Ioc or TimeInForce.Fok when !crossed:
                return Execution.Cancel($"{tif}: limit {Money(o.LimitPrice ?? 0m)} not reached ({(buy ? "ask" : "bid")} {Money(price)})");
            case TimeInForce.Fok:
                return displayed >= o.Quantity
                    ? new Execution(o.Quantity, price, false, null)
                    : Execution.Cancel($"fok: {Money(displayed)} displayed at {Money(price)}, {Money(o.Quantity)} wanted");
            case TimeInForce.Ioc:
                var available = Math.Min(o.Quantity, displayed);
                return available > 0m
                    ? new Execution(available, price, false, available < o.Quantity ? $"ioc: {Money(o.Quantity - available)} not available, canceled" : null)
                    : Execution.Cancel($"ioc: nothing displayed at {Money(price)}");
            default:
                return crossed ? new Execution(o.Quantity, price, false, null) : Execution.Rest;
        }
    }

    /// <summary>A decimal as plain invariant text without trailing zeros.</summary>
    public static string Money(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
