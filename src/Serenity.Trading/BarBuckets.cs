using Serenity.MarketData;

namespace Serenity.Trading;

/// <summary>Aggregates minute bars into buckets of N minutes, aligned to the hour (and to midnight UTC for 60).</summary>
internal static class BarBuckets
{
    /// <summary>
    /// Bars of <paramref name="minutes"/> minutes from minute bars (oldest first): open of the first, close of the last,
    /// highest high, lowest low, summed volume and trade count, volume-weighted VWAP (the close when there was no volume).
    /// </summary>
    public static IReadOnlyList<Bar> Aggregate(IReadOnlyList<Bar> minuteBars, int minutes)
    {
        if (minutes <= 1) return minuteBars;
        var bucket = TimeSpan.FromMinutes(minutes);
        var result = new List<Bar>();
        Bar? current = null;
        var notional = 0m;
        foreach (var bar in minuteBars)
        {
            var start = new DateTime(bar.Timestamp.Ticks - (bar.Timestamp.Ticks % bucket.Ticks), DateTimeKind.Utc);
            if (current is null || current.Timestamp != start)
            {
                if (current is not null) result.Add(Close(current, notional));
                current = bar with { Timestamp = start, Kind = BarKind.Minute };
                notional = bar.Vwap * bar.Volume;
                continue;
            }
            current = current with
            {
                High = Math.Max(current.High, bar.High),
                Low = Math.Min(current.Low, bar.Low),
                Close = bar.Close,
                Volume = current.Volume + bar.Volume,
                TradeCount = current.TradeCount + bar.TradeCount,
            };
            notional += bar.Vwap * bar.Volume;
        }
        if (current is not null) result.Add(Close(current, notional));
        return result;
    }

    private static Bar Close(Bar bar, decimal notional) =>
        bar with { Vwap = bar.Volume > 0m ? Math.Round(notional / bar.Volume, 4, MidpointRounding.ToEven) : bar.Close };
}
