using Serenity.Risk.Measures;

namespace Serenity.Risk.Tests;

public sealed class DrawdownTests
{
    [Fact]
    public void Maximum_drawdown_of_a_known_path()
    {
        // Peaks 100 -> 80 (20%), then 120 -> 90 (25%, the largest relative fall, 30 in money), then 130 -> 110.
        decimal[] path = [100m, 90m, 80m, 95m, 120m, 110m, 90m, 100m, 130m, 110m];
        var dd = Drawdown.Of(path);
        Assert.Equal(0.25, dd.Fraction, 15);
        Assert.Equal(30m, dd.Amount);
        Assert.Equal(4, dd.PeakIndex);
        Assert.Equal(6, dd.TroughIndex);
    }

    [Fact]
    public void A_rising_path_has_no_drawdown_and_the_tracker_reports_the_current_fall()
    {
        Assert.Equal(Drawdown.None, Drawdown.Of([1m, 2m, 3m]));
        Assert.Equal(Drawdown.None, Drawdown.Of([]));
        var tracker = new DrawdownTracker();
        tracker.Add(200m);
        tracker.Add(150m);
        Assert.Equal(0.25, tracker.CurrentFraction, 15);
        tracker.Add(210m);
        Assert.Equal(0, tracker.CurrentFraction);
        Assert.Equal(210m, tracker.Peak);
        Assert.Equal(0.25, tracker.Maximum.Fraction, 15);
        Assert.Equal(3, tracker.Count);
    }
}
