using Serenity.Trading;

namespace Serenity.Backtest;

/// <summary>
/// Realized P/L per fill with the Portfolio's conventions: adding averages the cost, reducing realizes
/// (price - average) x closed quantity for longs and (average - price) x closed quantity for shorts, a flip opens the
/// rest at the fill price; fees are zero.
/// </summary>
public static class TradeLedger
{
    /// <summary>The fills with their realized P/L and the position after each, in the given order.</summary>
    public static IReadOnlyList<TradeRecord> Of(IEnumerable<Fill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var positions = new Dictionary<string, (decimal Quantity, decimal Average)>(StringComparer.Ordinal);
        var records = new List<TradeRecord>();
        foreach (var fill in fills)
        {
            var (quantity, average) = positions.GetValueOrDefault(fill.Symbol);
            var signed = fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
            var realized = 0m;
            var after = quantity + signed;
            if (quantity == 0m || Math.Sign(quantity) == Math.Sign(signed))
            {
                average = (Math.Abs(quantity) * average + Math.Abs(signed) * fill.Price) / Math.Abs(after);
            }
            else
            {
                var closed = Math.Min(Math.Abs(quantity), Math.Abs(signed));
                realized = (quantity > 0m ? fill.Price - average : average - fill.Price) * closed;
                if (after != 0m && Math.Sign(after) != Math.Sign(quantity)) average = fill.Price;
            }
            positions[fill.Symbol] = after == 0m ? (0m, 0m) : (after, average);
            records.Add(new TradeRecord(fill, realized, after));
        }
        return records;
    }
}
