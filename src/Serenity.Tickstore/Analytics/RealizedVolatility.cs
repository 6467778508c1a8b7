using Serenity.Tickstore.Series;

namespace Serenity.Tickstore.Analytics;

/// <summary>Realized volatility of one UTC hour of the day.</summary>
/// <param name="Hour">0..23 (UTC).</param>
/// <param name="Days">Days that had at least one return in this hour.</param>
/// <param name="Returns">Bar-to-bar log returns counted.</param>
/// <param name="MeanRealizedVolatility">Mean over those days of sqrt(Σ r²) of the hour's returns.</param>
public sealed record HourlyVolatility(int Hour, int Days, long Returns, double MeanRealizedVolatility);

/// <summary>
/// Realized volatility by hour of day: each bar's log return against the previous bar's close on the same UTC date
/// is counted in the bar's hour; per day and hour the realized volatility is sqrt(Σ r²); the result averages it
/// over the days. Returns the 24 hours in order (hours without returns have zero days).
/// </summary>
public static class RealizedVolatility
{
    /// <summary>Realized volatility per UTC hour of <paramref name="bars"/> (in time order).</summary>
    public static IReadOnlyList<HourlyVolatility> ByHourOfDay(BarSeries bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var sumOfVols = new double[24];
        var days = new int[24];
        var returns = new long[24];
        var ts = bars.TimestampTicks;
        var close = bars.CloseScaled;
        long currentKey = -1;
        var sumSquares = 0.0;
        var currentHour = 0;
        for (var i = 1; i < ts.Length; i++)
        {
            var day = ts[i] / TimeSpan.TicksPerDay;
            if (day != ts[i - 1] / TimeSpan.TicksPerDay || close[i - 1] <= 0 || close[i] <= 0) continue;
            var hour = (int)(ts[i] % TimeSpan.TicksPerDay / TimeSpan.TicksPerHour);
            var key = (day * 24) + hour;
            if (key != currentKey)
            {
                if (currentKey >= 0)
                {
                    sumOfVols[currentHour] += Math.Sqrt(sumSquares);
                    days[currentHour]++;
                }
                currentKey = key;
                currentHour = hour;
                sumSquares = 0;
            }
            var r = Math.Log((double)close[i] / close[i - 1]);
            sumSquares += r * r;
            returns[hour]++;
        }
        if (currentKey >= 0)
        {
            sumOfVols[currentHour] += Math.Sqrt(sumSquares);
            days[currentHour]++;
        }
        return [.. Enumerable.Range(0, 24).Select(h => new HourlyVolatility(h, days[h], returns[h], days[h] == 0 ? 0 : sumOfVols[h] / days[h]))];
    }
}
