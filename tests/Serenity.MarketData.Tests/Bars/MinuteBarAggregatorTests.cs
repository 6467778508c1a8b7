using Serenity.MarketData.Bars;

namespace Serenity.MarketData.Tests.Bars;

public class MinuteBarAggregatorTests
{
    private static readonly DateTime s_t0 = new(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc);
    private readonly List<Bar> _bars = [];

    private static Trade T(double seconds, decimal price, decimal size = 100, string symbol = "AAPL") => new(symbol, s_t0.AddSeconds(seconds), price, size);

    private static MinuteBarAggregator New(TimeSpan? lateness = null, bool emptyBars = false) => new(new BarOptions
    {
        AllowedLateness = lateness ?? TimeSpan.FromSeconds(10),
        WatermarkDelay = TimeSpan.FromSeconds(1),
        EmitEmptyBars = emptyBars,
    });

    [Fact]
    public void Trades_straddling_a_minute_boundary_go_to_their_own_aligned_bars()
    {
        var agg = New();
        agg.OnTrade(T(17, 10.00m, 100), _bars);
        agg.OnTrade(T(42, 10.50m, 300), _bars);
        agg.OnTrade(T(59.9999999, 9.90m, 100), _bars);
        agg.OnTrade(T(60, 10.10m, 200), _bars);
        Assert.Empty(_bars); // the watermark (59 s) has not passed 14:31 yet
        agg.OnTrade(T(61.5, 10.20m, 100), _bars);
        var bar = Assert.Single(_bars);
        Assert.Equal(new Bar("AAPL", s_t0, 10.00m, 10.50m, 9.90m, 9.90m, 500, 3, 10.28m), bar);
        agg.AdvanceWatermark(s_t0.AddMinutes(2), _bars);
        Assert.Equal(new Bar("AAPL", s_t0.AddMinutes(1), 10.10m, 10.20m, 10.10m, 10.20m, 300, 2, 10.133333m), _bars[1]);
    }

    [Fact]
    public void Open_and_close_follow_trade_time_not_arrival()
    {
        var agg = New();
        agg.OnTrade(T(30, 2m), _bars);
        agg.OnTrade(T(10, 1m), _bars);
        agg.OnTrade(T(50, 4m), _bars);
        agg.OnTrade(T(40, 3m), _bars);
        agg.AdvanceWatermark(s_t0.AddMinutes(1), _bars);
        var bar = Assert.Single(_bars);
        Assert.Equal((1m, 4m, 1m, 4m), (bar.Open, bar.High, bar.Low, bar.Close));
    }

    [Fact]
    public void A_late_trade_inside_the_lateness_window_re_emits_the_bar_as_updated()
    {
        var agg = New(lateness: TimeSpan.FromSeconds(10));
        agg.OnTrade(T(30, 10m), _bars);
        agg.OnTrade(T(62, 11m), _bars); // watermark 61 s: the first minute fires
        Assert.Equal(BarKind.Minute, Assert.Single(_bars).Kind);
        agg.OnTrade(T(55, 12m, 50), _bars); // 7 s after its window ended: within 10 s
        Assert.Equal(2, _bars.Count);
        Assert.Equal(new Bar("AAPL", s_t0, 10m, 12m, 10m, 12m, 150, 2, 10.666667m, BarKind.Updated), _bars[1]);
        Assert.Equal(1, agg.LateTradesAccepted);
    }

    [Fact]
    public void A_late_trade_outside_the_lateness_window_is_dropped_and_counted()
    {
        var agg = New(lateness: TimeSpan.FromSeconds(10));
        agg.OnTrade(T(30, 10m), _bars);
        agg.OnTrade(T(72, 11m), _bars); // watermark 71 s: the first minute's lateness (until 70 s) is over
        agg.OnTrade(T(59, 99m), _bars);
        Assert.Equal([s_t0], _bars.Select(b => b.Timestamp));
        Assert.Equal(10m, _bars[0].High);
        Assert.Equal(1, agg.LateTradesDropped);
    }

    [Fact]
    public void A_minute_without_trades_has_no_bar()
    {
        var agg = New();
        agg.OnTrade(T(10, 10m), _bars);
        agg.OnTrade(T(130, 11m), _bars); // nothing in 14:31
        agg.AdvanceWatermark(s_t0.AddMinutes(3), _bars);
        Assert.Equal([s_t0, s_t0.AddMinutes(2)], _bars.Select(b => b.Timestamp));
    }

    [Fact]
    public void A_minute_without_trades_can_get_a_flat_bar()
    {
        var agg = New(emptyBars: true);
        agg.OnTrade(T(10, 10m), _bars);
        agg.AdvanceWatermark(s_t0.AddMinutes(1), _bars);
        agg.AdvanceWatermark(s_t0.AddMinutes(3), _bars);
        Assert.Equal([s_t0, s_t0.AddMinutes(1), s_t0.AddMinutes(2)], _bars.Select(b => b.Timestamp));
        Assert.Equal(new Bar("AAPL", s_t0.AddMinutes(1), 10m, 10m, 10m, 10m, 0, 0, 10m), _bars[1]);
    }

    [Fact]
    public void Symbols_have_separate_bars_and_the_clock_fires_them_when_trading_stops()
    {
        var agg = New();
        agg.OnTrade(T(1, 10m, 1, "AAPL"), _bars);
        agg.OnTrade(T(2, 20m, 2, "MSFT"), _bars);
        agg.OnTrade(T(3, 11m, 3, "AAPL"), _bars);
        Assert.Empty(_bars);
        agg.AdvanceWatermark(s_t0.AddSeconds(60), _bars);
        Assert.Equal(
            [new Bar("AAPL", s_t0, 10m, 11m, 10m, 11m, 4, 2, 10.75m), new Bar("MSFT", s_t0, 20m, 20m, 20m, 20m, 2, 1, 20m)],
            _bars.OrderBy(b => b.Symbol));
        agg.AdvanceWatermark(s_t0.AddSeconds(120), _bars);
        Assert.Equal(2, _bars.Count); // nothing fires twice
    }

    [Fact]
    public void A_late_first_trade_of_an_already_passed_minute_emits_a_minute_bar()
    {
        var agg = New();
        agg.OnTrade(T(65, 10m, 1, "AAPL"), _bars); // watermark 64 s: 14:30 counts as passed
        agg.OnTrade(T(58, 20m, 1, "MSFT"), _bars);
        var bar = Assert.Single(_bars);
        Assert.Equal(("MSFT", s_t0, BarKind.Minute), (bar.Symbol, bar.Timestamp, bar.Kind));
    }

    [Fact]
    public void State_is_bounded_over_many_minutes()
    {
        var agg = New();
        for (var i = 0; i < 100_000; i++) agg.OnTrade(T(i * 0.6, 10m + (i % 7), 1, $"S{i % 50}"), _bars);
        Assert.Equal(50 * ((int)(99_999 * 0.6 / 60)), _bars.Count);
        Assert.All(_bars, b => Assert.Equal(BarKind.Minute, b.Kind));
    }
}
