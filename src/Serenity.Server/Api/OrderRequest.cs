using Serenity.Server.Market;
using Serenity.Trading;

namespace Serenity.Server.Api;

/// <summary>Reads and validates the body of POST /api/orders into a <see cref="SubmitOrder"/>; every problem names its field.</summary>
public static class OrderRequest
{
    /// <summary>Longest client order id.</summary>
    public const int MaxClientOrderIdLength = 64;

    /// <summary>The order the body describes.</summary>
    public static SubmitOrder Read(JsonBody body, MarketBoard board)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(board);
        var symbol = body.RequiredString("symbol").ToUpperInvariant();
        if (!board.IsKnown(symbol)) throw ApiException.BadRequest("symbol", $"unknown symbol: {symbol}");
        var side = Parse<OrderSide>(body, "side", null, "buy, sell");
        var quantity = body.RequiredDecimal("quantity");
        if (quantity <= 0m) throw ApiException.BadRequest("quantity", "quantity must be greater than zero");
        if (decimal.Truncate(quantity) != quantity) throw ApiException.BadRequest("quantity", "quantity must be a whole number");
        var type = Parse<OrderType>(body, "type", OrderType.Market, "market, limit");
        var limit = body.OptionalDecimal("limit_price");
        if (type == OrderType.Limit)
        {
            if (limit is null) throw ApiException.BadRequest("limit_price", "limit_price is required for limit orders");
            if (limit <= 0m) throw ApiException.BadRequest("limit_price", "limit_price must be greater than zero");
        }
        else if (limit is not null)
        {
            throw ApiException.BadRequest("limit_price", "limit_price is only allowed on limit orders");
        }
        var tif = Parse<TimeInForce>(body, "time_in_force", TimeInForce.Day, "day, gtc, ioc, fok");
        var clientOrderId = body.OptionalString("client_order_id");
        if (clientOrderId is not null && (clientOrderId.Length == 0 || clientOrderId.Length > MaxClientOrderIdLength))
        {
            throw ApiException.BadRequest("client_order_id", $"client_order_id must be 1 to {MaxClientOrderIdLength} characters");
        }
        return new SubmitOrder(symbol, side, quantity, clientOrderId, type, limit, tif);
    }

    private static T Parse<T>(JsonBody body, string field, T? fallback, string allowed) where T : struct, Enum
    {
        var text = body.OptionalString(field);
        if (text is null) return fallback ?? throw ApiException.BadRequest(field, $"{field} is required ({allowed})");
        return WireNames<T>.TryParse(text, out var value) ? value : throw ApiException.BadRequest(field, $"{field} must be one of: {allowed}");
    }
}
