using Serenity.MarketData;
using Serenity.Tickstore.Series;

namespace Serenity.Tickstore.Analytics;

/// <summary>
/// Bars to coarser bars with OHLCV semantics: first open, highest high, lowest low, last close, summed volume and
/// trade count, volume-weighted VWAP (the last close when the bucket traded nothing). Buckets are aligned to
/// multiples of their length since 0001-01-01 UTC, i.e. to UTC midnight for any length that divides a day;
/// a bucket without bars is left out.
/// </summary>
public static class Resampler
{
    /// <summary>Parses a bucket length: <c>5m</c>, <c>1h</c>, <c>1d</c>, <c>30s</c> (or a <see cref="TimeSpan"/> such as <c>00:05:00</c>).</summary>
    public static TimeSpan ParseBucket(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var unit = text[^1];
        if (char.IsLetter(unit) && long.TryParse(text.AsSpan(0, text.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return unit switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => throw new FormatException($"bucket '{text}': unit must be s, m, h or d"),
            };
        }
        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? span
            : throw new FormatException($"bucket '{text}': expected e.g. 5m, 1h, 1d");
    }

    /// <summary>The bars of <paramref name="bars"/> (in time order) gathered into buckets of <paramref name="bucket"/>.</summary>
    public static BarSeries Resample(BarSeries bars, TimeSpan bucket)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (bucket <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "bucket must be positive");
        var size = bucket.Ticks;
        var ts = bars.TimestampTicks;
        // Timestamps are sorted: a division only where a new bucket starts.
        var buckets = 0;
        long current = 0, currentEnd = long.MinValue;
        foreach (var t in ts)
        {
            if (t < currentEnd && t >= current) continue;
            current = t - (t % size);
            currentEnd = current + size;
            buckets++;
        }
        var result = new BarSeries(bars.Symbol, buckets);
        var kind = (byte)(bucket >= TimeSpan.FromDays(1) ? BarKind.Daily : BarKind.Minute);
        var open = bars.OpenColumn;
        var high = bars.HighColumn;
        var low = bars.LowColumn;
        var close = bars.CloseColumn;
        var volume = bars.VolumeColumn;
        var trades = bars.TradeCountColumn;
        var vwap = bars.VwapColumn;
        var k = -1;
        ulong notionalLow = 0;
        long notionalHigh = 0;
        long hi = 0, lo = 0, vol = 0, count = 0;
        current = 0;
        currentEnd = long.MinValue;
        for (var i = 0; i < ts.Length; i++)
        {
            var t = ts[i];
            if (t >= currentEnd || t < current)
            {
                if (k >= 0) Finish(result, k, close[i - 1], hi, lo, vol, count, new Int128((ulong)notionalHigh, notionalLow));
                k++;
                current = t - (t % size);
                currentEnd = current + size;
                result.TimestampColumn[k] = current;
                result.OpenColumn[k] = open[i];
                result.KindColumn[k] = kind;
                hi = high[i];
                lo = low[i];
                vol = 0;
                count = 0;
                notionalLow = 0;
                notionalHigh = 0;
            }
            if (high[i] > hi) hi = high[i];
            if (low[i] < lo) lo = low[i];
            vol = checked(vol + volume[i]);
            count += trades[i];
            // notional += vwap * volume in 128-bit two's complement, without Int128's slower general multiply
            var productHigh = Math.BigMul(vwap[i], volume[i], out var productLow);
            var sum = notionalLow + (ulong)productLow;
            notionalHigh += productHigh + (sum < notionalLow ? 1 : 0);
            notionalLow = sum;
        }
        if (k >= 0) Finish(result, k, close[^1], hi, lo, vol, count, new Int128((ulong)notionalHigh, notionalLow));
        return result;
    }

    private static void Finish(BarSeries result, int k, long close, long high, long low, long volume, long trades, Int128 notional)
    {
        result.HighColumn[k] = high;
        result.LowColumn[k] = low;
        result.CloseColumn[k] = close;
        result.VolumeColumn[k] = volume;
        result.TradeCountColumn[k] = trades;
        result.VwapColumn[k] = Vwap(notional, volume, close);
    }

    /// <summary>Σ(vwap·volume)/Σvolume in 10^-8, rounded half away from zero.</summary>
    private static long Vwap(Int128 notional, long volume, long close)
    {
        if (volume == 0) return close;
        var quotient = Int128.DivRem(notional, volume);
        var q = quotient.Quotient;
        if (Int128.Abs(quotient.Remainder) * 2 >= volume) q += Int128.Sign(notional) < 0 ? -1 : 1;
        return (long)q;
    }
}
