using Serenity.MarketData;
using Serenity.Trading;

namespace Serenity.Server.Api;

/// <summary>Maps the trading contract's views to the API's wire records.</summary>
public static class WireMapper
{
    /// <summary>An enum value as the API writes it: lower snake_case ("partially_filled").</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => WireNames<T>.Of(value);

    /// <summary>A time as UTC.</summary>
    public static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    /// <summary>A fill.</summary>
    public static TradeDto Trade(Fill f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.FillId, f.OrderId, f.ClientOrderId, f.Symbol, Name(f.Side), f.Quantity, f.Price, Utc(f.Timestamp));
    }

    /// <summary>An order, with <paramref name="fill"/> when this request filled it.</summary>
    public static OrderDto Order(OrderView o, Fill? fill = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.OrderId, o.ClientOrderId, o.Symbol, Name(o.Side), Name(o.Type), Name(o.TimeInForce), o.Quantity, o.LimitPrice,
            o.FilledQuantity, o.AverageFillPrice, Name(o.Status), Utc(o.CreatedAt), Utc(o.UpdatedAt), o.Reason, fill is null ? null : Trade(fill));
    }

    /// <summary>
    /// The order of an accepted submit (<paramref name="now"/> stamps an order without a fill): the account's view when it sends one, else (market orders of the first
    /// slice) the order rebuilt from its fill.
    /// </summary>
    public static OrderDto Order(OrderResult result, SubmitOrder submitted, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(submitted);
        if (result.Order is { } view) return Order(view, result.Fill);
        var fill = result.Fill;
        var at = fill is null ? Utc(now) : Utc(fill.Timestamp);
        return new(result.OrderId ?? fill?.OrderId ?? "", result.ClientOrderId, submitted.Symbol, Name(submitted.Side), Name(submitted.Type),
            Name(submitted.TimeInForce), submitted.Quantity, submitted.LimitPrice, fill?.Quantity ?? 0m, fill?.Price,
            Name(fill is null ? OrderStatus.New : OrderStatus.Filled), at, at, null, fill is null ? null : Trade(fill));
    }

    /// <summary>A portfolio: cash from the account (the authority), valuation from the portfolio; unquoted positions count at cost.</summary>
    public static PortfolioDto Portfolio(PortfolioView p, decimal? accountCash = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        var positions = p.Positions.Values
            .Where(x => x.Quantity != 0m)
            .OrderBy(x => x.Symbol, StringComparer.Ordinal)
            .Select(x => new PositionDto(x.Symbol, x.Quantity, x.AverageCost, x.MarketPrice, x.MarketValue, x.UnrealizedPnl))
            .ToList();
        var marketValue = positions.Sum(x => x.MarketValue ?? x.Quantity * x.AverageCost);
        var unrealized = positions.Sum(x => x.UnrealizedPnl ?? 0m);
        var cash = accountCash ?? p.Cash;
        return new PortfolioDto(p.UserId, cash, marketValue, unrealized, p.RealizedPnl, cash + marketValue, positions);
    }

    /// <summary>An account summary from the account's cash and buying power (cash when unknown) and the portfolio's valuation.</summary>
    public static AccountDto Account(string userId, decimal cash, PortfolioDto portfolio, decimal? buyingPower = null)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        return new(userId, cash, cash + portfolio.MarketValue, buyingPower ?? cash, portfolio.RealizedPnl, portfolio.UnrealizedPnl, portfolio.Positions.Count);
    }

    /// <summary>A ticker from its entity's view and/or the newest quote seen on the stream (the newer quote wins).</summary>
    public static TickerDto Ticker(string symbol, TickerView? view, Quote? streamed)
    {
        var quote = view?.Quote;
        var useStream = streamed is not null && (quote is null || streamed.Timestamp >= quote.Timestamp);
        decimal? bid = useStream ? streamed!.BidPrice : quote?.Bid;
        decimal? ask = useStream ? streamed!.AskPrice : quote?.Ask;
        decimal? bidSize = useStream ? streamed!.BidSize : quote?.BidSize;
        decimal? askSize = useStream ? streamed!.AskSize : quote?.AskSize;
        DateTime? at = useStream ? streamed!.Timestamp : quote?.Timestamp;
        decimal? last = view?.LastTrade?.Price ?? (bid is { } b && ask is { } a ? (b + a) / 2m : null);
        decimal? change = last is { } l && view?.ReferencePrice is { } r ? l - r : null;
        decimal? percent = change is { } c && view?.ReferencePrice is { } rp && rp != 0m ? Math.Round(c / rp * 100m, 4) : null;
        return new TickerDto(symbol, bid, ask, bidSize, askSize, last, change, percent, view?.Sma10, view?.Sma20, at is { } t ? Utc(t) : null, view?.Halted ?? false);
    }

    /// <summary>A bar.</summary>
    public static BarDto Bar(Bar b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(Utc(b.Timestamp), b.Open, b.High, b.Low, b.Close, b.Volume, b.Vwap, b.TradeCount);
    }

    /// <summary>A bar with its symbol (WebSocket push).</summary>
    public static SymbolBarDto SymbolBar(Bar b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(b.Symbol, Utc(b.Timestamp), b.Open, b.High, b.Low, b.Close, b.Volume, b.Vwap, b.TradeCount);
    }
}
