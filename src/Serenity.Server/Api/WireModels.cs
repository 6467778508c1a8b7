namespace Serenity.Server.Api;

/// <summary>The body of every error answer.</summary>
public sealed record ErrorBody(ErrorDetail Error);

/// <summary>Which JSON field (or parameter) is at fault, and why; the field is null when no single one is.</summary>
public sealed record ErrorDetail(string? Field, string Reason);

/// <summary>Answer to a registration.</summary>
public sealed record RegisteredDto(string UserId);

/// <summary>Answer to a login.</summary>
public sealed record LoginDto(string Token, string UserId, DateTime ExpiresAt);

/// <summary>An account summary.</summary>
public sealed record AccountDto(string UserId, decimal Cash, decimal Equity, decimal BuyingPower, decimal RealizedPnl, decimal UnrealizedPnl, int PositionsCount);

/// <summary>Answer to an account reset.</summary>
public sealed record ResetDto(string UserId, decimal Cash);

/// <summary>One position with its valuation (market fields null before the first quote).</summary>
public sealed record PositionDto(string Symbol, decimal Quantity, decimal AverageCost, decimal? MarketPrice, decimal? MarketValue, decimal? UnrealizedPnl);

/// <summary>A portfolio with its positions.</summary>
public sealed record PortfolioDto(string UserId, decimal Cash, decimal MarketValue, decimal UnrealizedPnl, decimal RealizedPnl, decimal Equity, IReadOnlyList<PositionDto> Positions);

/// <summary>One point of the value history.</summary>
public sealed record ValuePointDto(DateTime Timestamp, decimal Equity, decimal Cash, decimal MarketValue);

/// <summary>The value history.</summary>
public sealed record HistoryDto(IReadOnlyList<ValuePointDto> Points);

/// <summary>One execution.</summary>
public sealed record TradeDto(string FillId, string OrderId, string? ClientOrderId, string Symbol, string Side, decimal Quantity, decimal Price, DateTime Timestamp);

/// <summary>One order; <see cref="Fill"/> is the execution of this request when it filled at once.</summary>
public sealed record OrderDto(
    string OrderId,
    string? ClientOrderId,
    string Symbol,
    string Side,
    string Type,
    string TimeInForce,
    decimal Quantity,
    decimal? LimitPrice,
    decimal FilledQuantity,
    decimal? AverageFillPrice,
    string Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? Reason,
    TradeDto? Fill);

/// <summary>A list of orders, newest first.</summary>
public sealed record OrdersDto(IReadOnlyList<OrderDto> Orders);

/// <summary>A list of trades, newest first.</summary>
public sealed record TradesDto(IReadOnlyList<TradeDto> Trades);

/// <summary>A list of symbols (configured symbols, watchlist).</summary>
public sealed record SymbolsDto(IReadOnlyList<string> Symbols);

/// <summary>What the server knows of a symbol: quote, last trade, change, moving averages, halt.</summary>
public sealed record TickerDto(
    string Symbol,
    decimal? Bid,
    decimal? Ask,
    decimal? BidSize,
    decimal? AskSize,
    decimal? Last,
    decimal? Change,
    decimal? ChangePercent,
    decimal? Sma10,
    decimal? Sma20,
    DateTime? Timestamp,
    bool Halted);

/// <summary>Several tickers.</summary>
public sealed record QuotesDto(IReadOnlyList<TickerDto> Quotes);

/// <summary>One bar (its timestamp is the interval's start).</summary>
public sealed record BarDto(DateTime Timestamp, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal Vwap, long TradeCount);

/// <summary>A symbol's bars, oldest first.</summary>
public sealed record BarsDto(string Symbol, int BucketMinutes, IReadOnlyList<BarDto> Bars);

/// <summary>A bar pushed on the WebSocket: the symbol with the bar's fields.</summary>
public sealed record SymbolBarDto(string Symbol, DateTime Timestamp, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal Vwap, long TradeCount);
