using MathNet.Numerics.Statistics;
using Serenity.MarketData;
using Serenity.Risk.Windows;

namespace Serenity.Risk.Tests;

public sealed class RollingReturnWindowTests
{
    [Fact]
    public void Incremental_window_equals_recomputation_after_10000_random_updates()
    {
        const int n = 60;
        var window = new RollingReturnWindow(n);
        var random = new Random(42);
        var closes = new List<(int Minute, decimal Close)>();
        var close = 100m;
        var minute = 0;
        for (var update = 0; update < 10_000; update++)
        {
            var roll = random.Next(20);
            if (roll == 0 && closes.Count > 0)
            {
                // A corrected bar for the newest minute.
                var corrected = Math.Round(closes[^1].Close * (1m + (decimal)((random.NextDouble() - 0.5) * 0.01)), 4);
                closes[^1] = (closes[^1].Minute, corrected);
                Assert.Equal(WindowChange.Replaced, window.Add(TestBars.Bar("X", closes[^1].Minute, corrected, BarKind.Updated)));
                close = corrected;
                continue;
            }
            if (roll == 1 && closes.Count > 1)
            {
                Assert.Equal(WindowChange.Ignored, window.Add(TestBars.Bar("X", closes[^2].Minute, 1m))); // late bar
                continue;
            }
            minute += 1 + (roll == 2 ? random.Next(1, 30) : 0); // sometimes a gap
            close = Math.Round(close * (1m + (decimal)((random.NextDouble() - 0.5) * 0.02)), 4);
            closes.Add((minute, close));
            window.Add(TestBars.Bar("X", minute, close));
            AssertEqualsRecomputation(window, closes, n);
        }
        Assert.True(window.IsFull);
    }

    private static void AssertEqualsRecomputation(RollingReturnWindow window, List<(int Minute, decimal Close)> closes, int n)
    {
        var count = Math.Min(n, closes.Count - 1);
        var returns = new double[count];
        for (var i = 0; i < count; i++)
        {
            var (from, to) = (closes[closes.Count - count - 1 + i].Close, closes[closes.Count - count + i].Close);
            returns[i] = (double)(to - from) / (double)from;
        }
        Assert.Equal(count, window.Count);
        var held = new double[count];
        window.CopyReturns(held);
        Assert.Equal(returns, held);
        for (var i = 0; i < count; i++) Assert.Equal(TestBars.Minute(closes[closes.Count - count + i].Minute), window.TimestampAt(i));
        var sorted = returns.Order().ToArray();
        for (var k = 1; k <= count; k++)
        {
            Assert.Equal(sorted[k - 1], window.KthSmallest(k));
            Assert.Equal(sorted[count - k], window.KthLargest(k));
        }
        if (count < 2) return;
        Assert.Equal(returns.Mean(), window.Mean, 1e-15);
        Assert.Equal(returns.Variance(), window.Variance, 1e-15);
        Assert.True(Math.Abs(returns.Variance() - window.Variance) <= 1e-9 * returns.Variance());
    }

    [Fact]
    public void First_close_starts_then_returns_are_added_and_the_oldest_dropped()
    {
        var window = new RollingReturnWindow(3);
        Assert.Equal(WindowChange.Started, window.Add(TestBars.Bar("X", 0, 100m)));
        Assert.Equal(0, window.Count);
        Assert.Equal(WindowChange.Added, window.Add(TestBars.Bar("X", 1, 110m)));
        window.Add(TestBars.Bar("X", 2, 99m));
        window.Add(TestBars.Bar("X", 3, 99m));
        Assert.Equal(WindowChange.Added, window.Add(TestBars.Bar("X", 4, 198m)));
        Assert.Equal(3, window.Count);
        var held = new double[3];
        window.CopyReturns(held);
        Assert.Equal([-0.1, 0.0, 1.0], held, (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal(-0.1, window.KthSmallest(1), 15);
        Assert.Equal(TestBars.Minute(2), window.TimestampAt(0));
        Assert.Equal(TestBars.Minute(4), window.LastTimestamp);
        Assert.Equal(198m, window.LastClose);
    }

    [Fact]
    public void Daily_bars_and_bars_older_than_the_newest_are_ignored_and_a_correction_replaces_the_newest_return()
    {
        var window = new RollingReturnWindow(5);
        window.Add(TestBars.Bar("X", 0, 100m));
        window.Add(TestBars.Bar("X", 1, 101m));
        Assert.Equal(WindowChange.Ignored, window.Add(TestBars.Bar("X", 2, 500m, BarKind.Daily)));
        Assert.Equal(WindowChange.Ignored, window.Add(TestBars.Bar("X", 0, 50m)));
        Assert.Equal(WindowChange.Replaced, window.Add(TestBars.Bar("X", 1, 98m, BarKind.Updated)));
        Assert.Equal(1, window.Count);
        Assert.Equal(-0.02, window.ReturnAt(0), 15);
        Assert.Equal(-0.02, window.KthSmallest(1), 15);
        Assert.Equal(WindowChange.Added, window.Add(TestBars.Bar("X", 2, 99m)));
        Assert.Equal(1.0 / 98, window.ReturnAt(1), 15);
    }

    [Fact]
    public void A_non_positive_close_is_rejected()
    {
        var window = new RollingReturnWindow(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => window.Add(TestBars.Minute(0), 0m));
    }
}
