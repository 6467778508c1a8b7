using Serenity.MarketData;
using Serenity.Risk.Windows;

namespace Serenity.Risk.Tests;

public sealed class WindowSetTests
{
    private static readonly Dictionary<string, List<Bar>> s_history = new()
    {
        ["AAPL"] = Enumerable.Range(0, 100).Select(i => TestBars.Bar("AAPL", i, 100m + i)).ToList(),
        ["MSFT"] = Enumerable.Range(0, 10).Select(i => TestBars.Bar("MSFT", 90 + i, 300m - i)).ToList(),
    };

    [Fact]
    public void Seeding_keeps_the_newest_returns_of_unordered_history_and_skips_other_symbols_and_daily_bars()
    {
        var set = new WindowSet(60);
        var shuffled = s_history["AAPL"].OrderBy(b => b.Close % 7).Append(TestBars.Bar("MSFT", 200, 1m)).Append(TestBars.Bar("AAPL", 300, 1m, BarKind.Daily));
        var window = set.Seed("AAPL", shuffled);
        Assert.Equal(60, window.Count);
        Assert.Equal(TestBars.Minute(40), window.TimestampAt(0)); // returns of minutes 40..99
        Assert.Equal((140.0 / 139.0) - 1, window.ReturnAt(0), 15);
        Assert.Equal(199m, window.LastClose);
    }

    [Fact]
    public void Windows_open_advance_and_free_as_positions_open_and_close()
    {
        var set = new WindowSet(60);
        set.Follow(["AAPL"], s => s_history[s]);
        Assert.Equal(["AAPL"], set.Symbols);
        Assert.True(set.Advance(TestBars.Bar("AAPL", 100, 250m)));
        Assert.False(set.Advance(TestBars.Bar("MSFT", 100, 250m))); // not held: no window
        Assert.Equal(250m, set.Get("AAPL")!.LastClose);

        set.Follow(["AAPL", "MSFT"], s => s_history[s]); // MSFT opened
        Assert.Equal(9, set.Get("MSFT")!.Count);
        var aapl = set.Get("AAPL");
        Assert.Equal(250m, aapl!.LastClose); // an existing window is not re-seeded

        set.Follow(["MSFT"], s => s_history[s]); // AAPL closed
        Assert.Null(set.Get("AAPL"));
        Assert.False(set.Advance(TestBars.Bar("AAPL", 101, 251m)));
        Assert.True(set.Free("MSFT"));
        Assert.False(set.Free("MSFT"));
        Assert.Equal(0, set.Count);
    }

    [Fact]
    public void Scenarios_of_a_set_line_up_its_windows_by_timestamp()
    {
        var set = new WindowSet(60);
        set.Follow(["AAPL", "MSFT"], s => s_history[s]);
        var scenarios = set.Scenarios();
        Assert.Equal(60, scenarios.Count);
        Assert.Equal(TestBars.Minute(99), scenarios.End);
        Assert.True(scenarios.TryGetRow("MSFT", out var msft));
        Assert.Equal(9, scenarios.Coverage(msft));
        Assert.Equal((299.0 / 300.0) - 1, scenarios.Returns(msft)[51], 15);
        Assert.Equal(0.0, scenarios.Returns(msft)[50]);
    }
}
