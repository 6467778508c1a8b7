using Serenity.Risk.Entities.Strategies;
using Serenity.Risk.Strategies;
using Serenity.Server.Market;

namespace Serenity.Server.Api;

/// <summary>Reads and checks the body of PUT /api/strategies; every problem names its JSON field.</summary>
public static class StrategyRequest
{
    /// <summary>Largest position size a strategy may trade per entry.</summary>
    public const decimal MaxQuantity = 1_000_000m;

    /// <summary>The enable command from <c>{"symbol", "strategy", "quantity"}</c> (strategy defaults to <c>sma-cross</c>).</summary>
    public static EnableStrategy Parse(JsonBody body, MarketBoard board)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(board);
        var symbol = body.RequiredString("symbol").Trim().ToUpperInvariant();
        if (!board.IsKnown(symbol)) throw ApiException.BadRequest("symbol", $"unknown symbol: {symbol}");
        var strategy = (body.OptionalString("strategy") ?? StrategyCatalog.SmaCrossAlias).Trim().ToLowerInvariant();
        if (!StrategyCatalog.Default.Names.Contains(strategy))
        {
            throw ApiException.BadRequest("strategy", $"unknown strategy: {strategy} (known: {string.Join(", ", StrategyCatalog.Default.Names.Order(StringComparer.Ordinal))})");
        }
        var quantity = body.RequiredDecimal("quantity");
        if (quantity <= 0m) throw ApiException.BadRequest("quantity", "quantity must be greater than zero");
        if (quantity > MaxQuantity) throw ApiException.BadRequest("quantity", $"quantity must be at most {MaxQuantity}");
        return new EnableStrategy(symbol, strategy, quantity);
    }
}
