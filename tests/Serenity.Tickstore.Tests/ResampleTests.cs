using Serenity.MarketData;
using Serenity.Tickstore.Analytics;
using Serenity.Tickstore.Series;

namespace Serenity.Tickstore.Tests;

public sealed class ResampleTests
{
    private static readonly DateTime s_t0 = new(2024, 3, 4, 9, 58, 0, DateTimeKind.Utc);

    private static Bar B(int minute, decimal o, decimal h, decimal l, decimal c, decimal v, long n, decimal vwap) =>
        new("AAPL", s_t0.AddMinutes(minute), o, h, l, c, v, n, vwap);

    [Fact]
    public void Five_minute_buckets_match_the_hand_computed_ones()
    {
        // 09:58, 09:59 | 10:00, 10:01, 10:04 | (10:05-10:09 empty) | 10:11
        var bars = BarSeries.From("AAPL",
        [
            B(0, 10m, 11m, 9.5m, 10.5m, 100, 2, 10.2m),
            B(1, 10.5m, 12m, 10m, 11m, 300, 3, 11m),
            B(2, 11m, 11.5m, 10.8m, 11.2m, 200, 1, 11.1m),
            B(3, 11.2m, 13m, 11m, 12m, 0, 0, 12m),
            B(6, 12m, 12.5m, 8m, 9m, 50, 5, 10m),
            B(13, 9m, 9m, 9m, 9m, 10, 1, 9m),
        ]);
        var got = Resampler.Resample(bars, Resampler.ParseBucket("5m")).ToBars();
        Assert.Equal(
        [
            new Bar("AAPL", new DateTime(2024, 3, 4, 9, 55, 0, DateTimeKind.Utc), 10m, 12m, 9.5m, 11m, 400, 5, 10.8m), // (10.2*100+11*300)/400
            new Bar("AAPL", new DateTime(2024, 3, 4, 10, 0, 0, DateTimeKind.Utc), 11m, 13m, 8m, 9m, 250, 6, 10.88m), // (11.1*200+10*50)/250
            new Bar("AAPL", new DateTime(2024, 3, 4, 10, 10, 0, DateTimeKind.Utc), 9m, 9m, 9m, 9m, 10, 1, 9m),
        ], got);
    }

    [Fact]
    public void Hour_and_day_buckets_align_to_the_hour_and_to_utc_midnight()
    {
        var bars = BarSeries.From("AAPL",
        [
            B(0, 1m, 2m, 1m, 2m, 1, 1, 2m), // 09:58
            B(2, 2m, 3m, 2m, 3m, 1, 1, 3m), // 10:00
            B(24 * 60, 3m, 3m, 1m, 1m, 0, 0, 1m), // next day 09:58
        ]);
        var hours = Resampler.Resample(bars, TimeSpan.FromHours(1)).ToBars();
        Assert.Equal([new DateTime(2024, 3, 4, 9, 0, 0), new DateTime(2024, 3, 4, 10, 0, 0), new DateTime(2024, 3, 5, 9, 0, 0)], hours.Select(b => b.Timestamp));
        var days = Resampler.Resample(bars, Resampler.ParseBucket("1d")).ToBars();
        Assert.Equal(2, days.Length);
        Assert.Equal(new Bar("AAPL", new DateTime(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc), 1m, 3m, 1m, 3m, 2, 2, 2.5m, BarKind.Daily), days[0]);
        Assert.Equal(1m, days[1].Vwap); // no volume: the close
    }

    [Theory]
    [InlineData("0m")]
    [InlineData("5x")]
    [InlineData("abc")]
    public void Bad_bucket_texts_are_rejected(string text) => Assert.Throws<FormatException>(() => Resampler.ParseBucket(text));

    [Fact]
    public void Realized_volatility_by_hour_is_the_mean_over_days_of_the_root_of_summed_squared_returns()
    {
        var d1 = new DateTime(2024, 3, 4, 10, 0, 0, DateTimeKind.Utc);
        var d2 = d1.AddDays(1);
        Bar C(DateTime t, decimal c) => new("AAPL", t, c, c, c, c, 1, 1, c);
        var bars = BarSeries.From("AAPL",
        [
            C(d1.AddMinutes(58), 100m), C(d1.AddMinutes(59), 101m), // 10:59 return ln(101/100) in hour 10
            C(d1.AddMinutes(60), 99m), C(d1.AddMinutes(61), 100m), // hour 11: ln(99/101), ln(100/99)
            C(d2.AddMinutes(59), 50m), C(d2.AddMinutes(60), 55m), // new day: no return across days; hour 11: ln(55/50)
        ]);
        var vol = RealizedVolatility.ByHourOfDay(bars);
        Assert.Equal(24, vol.Count);
        Assert.Equal(1, vol[10].Days);
        Assert.Equal(Math.Abs(Math.Log(101.0 / 100)), vol[10].MeanRealizedVolatility, 12);
        var day1Hour11 = Math.Sqrt(Math.Pow(Math.Log(99.0 / 101), 2) + Math.Pow(Math.Log(100.0 / 99), 2));
        Assert.Equal(2, vol[11].Days);
        Assert.Equal(3, vol[11].Returns);
        Assert.Equal((day1Hour11 + Math.Log(55.0 / 50)) / 2, vol[11].MeanRealizedVolatility, 12);
        Assert.Equal(0, vol[9].Days);
    }
}
