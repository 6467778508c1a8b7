namespace Serenity.Trading;

/// <summary>
/// Values positions at the latest quotes: longs at the bid, shorts at the ask (what closing them would fetch or cost).
/// A position without a quote has no market price and counts at its average cost in the totals.
/// </summary>
internal static class PortfolioValuation
{
    /// <summary>The price <paramref name="quantity"/> is marked at from <paramref name="quote"/>: bid for longs, ask for shorts.</summary>
    public static decimal? MarkPrice(decimal quantity, QuoteSlot? quote) =>
        quote is null ? null : quantity >= 0m ? (quote.Bid > 0m ? quote.Bid : null) : (quote.Ask > 0m ? quote.Ask : null);

    public static PortfolioView View(string userId, PortfolioState state, IReadOnlyDictionary<string, QuoteSlot> quotes)
    {
        var positions = new Dictionary<string, Position>(state.Positions.Count, StringComparer.Ordinal);
        var (marketValue, unrealized) = Sum(state, quotes, positions);
        return new PortfolioView(userId, positions, state.RealizedPnl, state.AppliedSeq)
        {
            Cash = state.Cash,
            MarketValue = marketValue,
            UnrealizedPnl = unrealized,
            Equity = state.Cash + marketValue,
        };
    }

    /// <summary>The portfolio's value history point at <paramref name="at"/> (the totals of <see cref="View"/>, without valuing each position anew).</summary>
    public static void AddPoint(ValueHistory history, DateTime at, PortfolioState state, IReadOnlyDictionary<string, QuoteSlot> quotes)
    {
        var (marketValue, _) = Sum(state, quotes, valued: null);
        history.Add(at, state.Cash + marketValue, state.Cash, marketValue);
    }

    /// <summary>Market value and unrealized P/L of all positions; fills <paramref name="valued"/> with each valued position when given.</summary>
    private static (decimal MarketValue, decimal Unrealized) Sum(PortfolioState state, IReadOnlyDictionary<string, QuoteSlot> quotes, Dictionary<string, Position>? valued)
    {
        decimal marketValue = 0m, unrealized = 0m;
        foreach (var p in state.PositionValues)
        {
            if (MarkPrice(p.Quantity, quotes.GetValueOrDefault(p.Symbol)) is not { } price)
            {
                marketValue += p.Quantity * p.AverageCost;
                if (valued is not null) valued[p.Symbol] = new Position(p.Symbol, p.Quantity, p.AverageCost);
                continue;
            }
            var value = p.Quantity * price;
            var pnl = (price - p.AverageCost) * p.Quantity;
            marketValue += value;
            unrealized += pnl;
            if (valued is not null) valued[p.Symbol] = new Position(p.Symbol, p.Quantity, p.AverageCost) { MarketPrice = price, MarketValue = value, UnrealizedPnl = pnl };
        }
        return (marketValue, unrealized);
    }
}
