namespace Serenity.Trading;

/// <summary>
/// Values positions at the latest quotes: longs at the bid, shorts at the ask (what closing them would fetch or cost).
/// A position without a quote has no market price and counts at its average cost in the totals.
/// </summary>
internal static class PortfolioValuation
{
    /// <summary>The price <paramref name="quantity"/> is marked at from <paramref name="quote"/>: bid for longs, ask for shorts.</summary>
    public static decimal? MarkPrice(decimal quantity, TickerQuote? quote) =>
        quote is null ? null : quantity >= 0m ? (quote.Bid > 0m ? quote.Bid : null) : (quote.Ask > 0m ? quote.Ask : null);

    public static Position Value(Position p, TickerQuote? quote)
    {
        if (MarkPrice(p.Quantity, quote) is not { } price) return new Position(p.Symbol, p.Quantity, p.AverageCost);
        return new Position(p.Symbol, p.Quantity, p.AverageCost)
        {
            MarketPrice = price,
            MarketValue = p.Quantity * price,
            UnrealizedPnl = (price - p.AverageCost) * p.Quantity,
        };
    }

    public static PortfolioView View(string userId, PortfolioState state, IReadOnlyDictionary<string, TickerQuote> quotes)
    {
        var positions = new Dictionary<string, Position>(StringComparer.Ordinal);
        decimal marketValue = 0m, unrealized = 0m;
        foreach (var p in state.Positions.Values)
        {
            var valued = Value(p, quotes.GetValueOrDefault(p.Symbol));
            positions[p.Symbol] = valued;
            marketValue += MarketValueOf(p, valued.MarketPrice);
            unrealized += valued.UnrealizedPnl ?? 0m;
        }
        return new PortfolioView(userId, positions, state.RealizedPnl, state.AppliedSeq)
        {
            Cash = state.Cash,
            MarketValue = marketValue,
            UnrealizedPnl = unrealized,
            Equity = state.Cash + marketValue,
        };
    }

    /// <summary>The positions' market value as <see cref="View"/> totals it, without building the valued positions.</summary>
    public static decimal MarketValue(PortfolioState state, IReadOnlyDictionary<string, TickerQuote> quotes)
    {
        var marketValue = 0m;
        foreach (var p in state.Positions.Values) marketValue += MarketValueOf(p, MarkPrice(p.Quantity, quotes.GetValueOrDefault(p.Symbol)));
        return marketValue;
    }

    /// <summary>A position's value at its mark price; at its average cost when it has none.</summary>
    private static decimal MarketValueOf(Position p, decimal? markPrice) => p.Quantity * (markPrice ?? p.AverageCost);
}
