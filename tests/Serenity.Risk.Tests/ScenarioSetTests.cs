using Serenity.Risk.Scenarios;
using Serenity.Risk.Windows;

namespace Serenity.Risk.Tests;

public sealed class ScenarioSetTests
{
    private static RollingReturnWindow Window(int capacity, params (int Minute, decimal Close)[] closes)
    {
        var w = new RollingReturnWindow(capacity);
        foreach (var (minute, close) in closes) w.Add(TestBars.Minute(minute), close);
        return w;
    }

    [Fact]
    public void Columns_are_the_newest_union_timestamps_and_a_missing_bar_is_a_zero_return()
    {
        var a = Window(4, (0, 100m), (1, 101m), (2, 102m), (3, 103m), (4, 104m), (5, 105m)); // returns at 2..5
        var b = Window(4, (0, 50m), (2, 55m), (5, 44m));                                     // returns at 2 and 5
        var set = ScenarioSet.Align([new("A", a), new("B", b)], 4);
        Assert.Equal(4, set.Count);
        Assert.Equal([2, 3, 4, 5], Enumerable.Range(0, 4).Select(c => (int)(set.TimestampAt(c) - TestBars.T0).TotalMinutes));
        Assert.True(set.TryGetRow("B", out var row));
        Assert.Equal([0.1, 0.0, 0.0, -0.2], set.Returns(row).ToArray(), (x, y) => Math.Abs(x - y) < 1e-15);
        Assert.Equal(4, set.Coverage(row));
        Assert.True(set.TryGetRow("A", out var rowA));
        Assert.Equal(4, set.Coverage(rowA));
    }

    [Fact]
    public void A_short_history_covers_only_its_newest_columns_and_a_lagging_symbol_gets_zeros_after_its_last_bar()
    {
        var a = Window(5, (0, 100m), (1, 100m), (2, 100m), (3, 100m), (4, 100m), (5, 100m)); // returns at 1..5
        var b = Window(5, (2, 10m), (3, 11m), (4, 12.1m));                                   // returns at 3, 4; lags at 5
        var set = ScenarioSet.Align([new("A", a), new("B", b)], 5);
        Assert.Equal(5, set.Count);
        Assert.True(set.TryGetRow("B", out var row));
        Assert.Equal(3, set.Coverage(row)); // columns at 3, 4, 5
        Assert.Equal([0.0, 0.0, 0.1, 0.1, 0.0], set.Returns(row).ToArray(), (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.False(set.TryGetRow("C", out _));
    }

    [Fact]
    public void Empty_windows_give_no_columns()
    {
        var set = ScenarioSet.Align([new("A", Window(5, (0, 1m)))], 5);
        Assert.Equal(0, set.Count);
        Assert.Null(set.End);
        Assert.True(set.TryGetRow("A", out var row));
        Assert.Equal(0, set.Coverage(row));
    }
    [Fact]
    public void Fewer_timestamps_than_capacity_come_oldest_first_and_end_at_the_newest()
    {
        var a = Window(10, (0, 100m), (1, 110m), (3, 121m)); // returns at 1 and 3
        var b = Window(10, (0, 10m), (2, 12m));               // return at 2
        var set = ScenarioSet.Align([new("A", a), new("B", b)], 10);
        Assert.Equal(3, set.Count);
        Assert.Equal([1, 2, 3], Enumerable.Range(0, 3).Select(c => (int)(set.TimestampAt(c) - TestBars.T0).TotalMinutes));
        Assert.Equal(TestBars.Minute(3), set.End);
        Assert.True(set.TryGetRow("A", out var row));
        Assert.Equal([0.1, 0.0, 0.1], set.Returns(row).ToArray(), (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Every_symbol_finds_its_own_row_however_many_there_are(int symbols)
    {
        var windows = Enumerable.Range(0, symbols)
            .Select(i => new KeyValuePair<string, RollingReturnWindow>($"S{i}", Window(3, (0, 100m), (1, 100m + i))))
            .ToList();
        var set = ScenarioSet.Align(windows, 3);
        for (var i = 0; i < symbols; i++)
        {
            Assert.True(set.TryGetRow($"S{i}", out var row));
            Assert.Equal(i / 100.0, set.Returns(row)[0], 12);
        }
        Assert.False(set.TryGetRow("NOPE", out _));
    }
}
