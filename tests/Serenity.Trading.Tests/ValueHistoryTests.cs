namespace Serenity.Trading.Tests;

/// <summary>The portfolio's value history: reads since a time, also when points arrived out of time order.</summary>
public sealed class ValueHistoryTests
{
    private static readonly DateTime T0 = new(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc);

    private static ValuePoint At(int minute, decimal equity = 100m) => new(T0.AddMinutes(minute), equity, equity, 0m);

    [Fact]
    public void Since_a_time_gives_every_point_at_or_after_it_in_history_order_even_out_of_time_order()
    {
        var history = new ValueHistory(size: 5, interval: TimeSpan.FromMinutes(1));
        // A fill stamped at minute 3 by the Account arrives after a revaluation point of minute 4.
        foreach (var minute in new[] { 0, 1, 2, 4, 3, 5, 6 }) history.Add(At(minute, minute));

        Assert.Equal([2m, 4m, 3m, 5m, 6m], history.Between(null, null).Select(p => p.Equity)); // the newest 5
        Assert.Equal([4m, 3m, 5m, 6m], history.Between(T0.AddMinutes(3), null).Select(p => p.Equity));
        Assert.Equal([4m, 5m, 6m], history.Between(T0.AddMinutes(4), null).Select(p => p.Equity));
        Assert.Equal([4m, 3m], history.Between(T0.AddMinutes(3), T0.AddMinutes(5)).Select(p => p.Equity));
        Assert.Equal([2m, 4m, 3m, 5m, 6m], history.Between(null, null).Select(p => p.Equity));
        Assert.Empty(history.Between(T0.AddMinutes(7), null));
    }

    [Fact]
    public void A_long_history_keeps_the_newest_points_in_order_past_its_size()
    {
        var history = new ValueHistory(size: 40, interval: TimeSpan.FromMinutes(1));
        for (var minute = 0; minute < 100; minute++) history.Add(At(minute, minute));

        Assert.Equal(Enumerable.Range(60, 40).Select(m => (decimal)m), history.Between(null, null).Select(p => p.Equity));
        Assert.Equal([95m, 96m, 97m, 98m, 99m], history.Between(T0.AddMinutes(95), null).Select(p => p.Equity));
        history.Clear();
        Assert.Empty(history.Between(null, null));
        Assert.True(history.IsDue(T0));
    }

    [Fact]
    public void A_revaluation_is_due_once_the_last_point_is_an_interval_old()
    {
        var history = new ValueHistory(size: 10, interval: TimeSpan.FromMinutes(1));
        Assert.True(history.IsDue(T0));
        history.Add(At(0));
        Assert.False(history.IsDue(T0.AddSeconds(59)));
        Assert.True(history.IsDue(T0.AddMinutes(1)));
    }
}
