namespace Serenity.MarketData;

/// <summary>Which bar stream a bar belongs to.</summary>
public enum BarKind
{
    /// <summary>A finished minute bar (<c>b</c>).</summary>
    Minute,

    /// <summary>A minute bar sent again because a late trade changed it (<c>u</c>): same start, new values.</summary>
    Updated,

    /// <summary>The running daily bar (<c>d</c>).</summary>
    Daily,
}

/// <summary>OHLCV over an interval; <paramref name="Timestamp"/> is the interval's <b>start</b>.</summary>
public sealed record Bar(
    string Symbol,
    DateTime Timestamp,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    long TradeCount,
    decimal Vwap,
    BarKind Kind = BarKind.Minute) : MarketEvent(Symbol, Timestamp);
