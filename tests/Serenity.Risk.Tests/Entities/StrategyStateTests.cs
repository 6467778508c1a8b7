using Serenity.Risk.Entities.Strategies;
using Serenity.Risk.Strategies;

namespace Serenity.Risk.Tests.Entities;

/// <summary>The runner's signal history: bounded, pending signals kept, settlements find their signal after trims.</summary>
public sealed class StrategyStateTests
{
    private static readonly DateTime T0 = new(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc);

    private static SignalView Signal(int i, SignalOrderStatus status) =>
        new("AAPL", "sma-crossover", SignalKind.Entry, T0.AddMinutes(i), 1m, "cross", $"id-{i}", status);

    [Fact]
    public void Old_settled_signals_are_dropped_and_settlements_still_reach_the_right_signal()
    {
        var state = new StrategyState(signalHistorySize: 3);
        state.Apply(new SignalRecorded(Signal(0, SignalOrderStatus.Pending))); // stays: pending signals are never dropped
        for (var i = 1; i <= 5; i++) state.Apply(new SignalRecorded(Signal(i, SignalOrderStatus.Accepted)));

        Assert.Equal(["id-0", "id-4", "id-5"], state.Signals.Select(s => s.ClientOrderId));
        Assert.False(state.Knows("id-1"));
        Assert.Null(state.Find("id-3"));
        Assert.True(state.Knows("id-0"));

        state.Apply(new SignalSettled("id-0", true, "o-0", 1m, 10m, null));
        state.Apply(new SignalSettled("id-5", false, null, 0m, null, "no"));
        Assert.Equal(SignalOrderStatus.Accepted, state.Find("id-0")!.Status);
        Assert.Equal(10m, state.Find("id-0")!.FillPrice);
        Assert.Equal(SignalOrderStatus.Rejected, state.Find("id-5")!.Status);
        Assert.Equal(SignalOrderStatus.Accepted, state.Find("id-4")!.Status);

        state.Apply(new SignalRecorded(Signal(6, SignalOrderStatus.Pending))); // now id-0 is settled and the oldest
        Assert.Equal(["id-4", "id-5", "id-6"], state.Signals.Select(s => s.ClientOrderId));
        Assert.False(state.Knows("id-0"));
        Assert.Equal(SignalOrderStatus.Pending, state.Find("id-6")!.Status);
    }
}
