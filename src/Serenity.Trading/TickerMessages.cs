using Serenity.MarketData;

namespace Serenity.Trading;

/// <summary>Asks a Ticker for <see cref="TickerView"/>.</summary>
public sealed record GetTicker;

/// <summary>
/// What a ticker knows: the last quote and trade, the session's reference price (for the change), SMA10/SMA20 of the
/// minute closes, and whether trading is halted.
/// </summary>
public sealed record TickerView(
    string Symbol,
    TickerQuote? Quote,
    TickerTrade? LastTrade,
    decimal? ReferencePrice,
    decimal? Sma10,
    decimal? Sma20,
    bool Halted);

/// <summary>The last trade a ticker saw.</summary>
public sealed record TickerTrade(decimal Price, decimal Size, DateTime Timestamp);

/// <summary>Asks a Ticker for its recent minute bars in [From, To), aggregated to <c>BucketMinutes</c>; answered with <see cref="BarsView"/>.</summary>
public sealed record GetBars(DateTime? From = null, DateTime? To = null, int BucketMinutes = 1);

/// <summary>A ticker's bars, oldest first.</summary>
public sealed record BarsView(string Symbol, int BucketMinutes, IReadOnlyList<Bar> Bars);
