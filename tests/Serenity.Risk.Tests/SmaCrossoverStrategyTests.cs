using Serenity.MarketData;
using Serenity.Risk.Strategies;

namespace Serenity.Risk.Tests;

public sealed class SmaCrossoverStrategyTests
{
    /// <summary>Bars 1-20 at 100, 21-30 rising to 110, 31-50 falling to 90.</summary>
    private static readonly decimal[] s_path =
        [.. Enumerable.Repeat(100m, 20), .. Enumerable.Range(1, 10).Select(i => 100m + i), .. Enumerable.Range(1, 20).Select(i => 110m - i)];

    private static List<(int Bar, StrategySignal Signal)> Run(IStrategy strategy, IReadOnlyList<decimal> closes)
    {
        var signals = new List<(int, StrategySignal)>();
        for (var i = 0; i < closes.Count; i++)
        {
            if (strategy.OnBar(TestBars.Bar("AAPL", i, closes[i])) is { } s) signals.Add((i + 1, s));
        }
        return signals;
    }

    [Fact]
    public void Crossings_signal_at_the_expected_bars()
    {
        var strategy = new SmaCrossoverStrategy("AAPL", 25m);
        var signals = Run(strategy, s_path);
        // Bar 21: SMA10 100.1 > SMA20 100.05 after equality at bar 20. Bar 40: SMA10 104.5 < SMA20 105 after 105.5 > 105.
        Assert.Equal([(21, SignalKind.Entry), (40, SignalKind.Exit)], signals.Select(s => (s.Bar, s.Signal.Kind)));
        var entry = signals[0].Signal;
        Assert.Equal(TestBars.Minute(20), entry.Timestamp);
        Assert.Equal(25m, entry.Quantity);
        Assert.Equal("AAPL", entry.Symbol);
        Assert.Equal("sma-crossover", entry.Strategy);
        Assert.Equal("SMA10 100.1 crossed above SMA20 100.05", entry.Reason);
        Assert.Equal(TestBars.Minute(39), signals[1].Signal.Timestamp);
        Assert.False(strategy.InPosition);
        Assert.Equal(94.5m, strategy.ShortSma); // bars 41-50: 99..90
    }

    [Fact]
    public void No_signal_before_20_bars_even_when_the_short_average_is_above()
    {
        // Falling then sharply rising in the first 20 bars: SMA10 is above SMA20 at bar 20, yet no bar before
        // 21 can signal, and bar 21 does not either because nothing crossed.
        decimal[] closes = [.. Enumerable.Range(0, 10).Select(i => 120m - i), .. Enumerable.Range(0, 11).Select(i => 111m + (5 * i))];
        var strategy = new SmaCrossoverStrategy("AAPL", 1m);
        for (var i = 0; i < 19; i++)
        {
            Assert.Null(strategy.OnBar(TestBars.Bar("AAPL", i, closes[i])));
            Assert.Null(strategy.LongSma);
        }
        Assert.Null(strategy.OnBar(TestBars.Bar("AAPL", 19, closes[19])));
        Assert.True(strategy.ShortSma > strategy.LongSma);
        Assert.Null(strategy.OnBar(TestBars.Bar("AAPL", 20, closes[20])));
        Assert.False(strategy.InPosition);
    }

    [Fact]
    public void Corrections_daily_bars_repeats_and_other_symbols_are_ignored()
    {
        var strategy = new SmaCrossoverStrategy("AAPL", 1m);
        for (var i = 0; i < 20; i++) strategy.OnBar(TestBars.Bar("AAPL", i, 100m));
        Assert.Null(strategy.OnBar(TestBars.Bar("AAPL", 19, 500m)));                  // not newer
        Assert.Null(strategy.OnBar(TestBars.Bar("AAPL", 20, 500m, BarKind.Updated)));
        Assert.Null(strategy.OnBar(TestBars.Bar("AAPL", 20, 500m, BarKind.Daily)));
        Assert.Null(strategy.OnBar(TestBars.Bar("MSFT", 20, 500m)));
        Assert.Equal(100m, strategy.LongSma);
        Assert.Equal(SignalKind.Entry, strategy.OnBar(TestBars.Bar("AAPL", 20, 101m))?.Kind);
    }

    [Fact]
    public void The_catalog_creates_strategies_by_name()
    {
        Assert.True(StrategyCatalog.Default.TryCreate("sma-crossover", "MSFT", 5m, out var s));
        Assert.Equal("MSFT", s!.Symbol);
        Assert.False(StrategyCatalog.Default.TryCreate("nope", "MSFT", 5m, out var none));
        Assert.Null(none);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmaCrossoverStrategy("A", 1m, 20, 10));
    }
}
