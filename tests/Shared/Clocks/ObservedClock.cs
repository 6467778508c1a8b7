using System.Threading.Channels;
using Serenity.Actors;

namespace Serenity.Tests.Shared;

/// <summary>
/// A virtual clock that reports every timer created on it, so a test can wait until the code under test is
/// actually waiting (a backoff, a retry delay) before it advances time: no race, no sleep.
/// </summary>
public sealed class ObservedClock : TimeProvider
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public ObservedClock(DateTimeOffset? start = null) => Inner = new VirtualTimeProvider(start);

    public VirtualTimeProvider Inner { get; }

    public override DateTimeOffset GetUtcNow() => Inner.GetUtcNow();

    public override long GetTimestamp() => Inner.GetTimestamp();

    public override long TimestampFrequency => Inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Inner.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan) _created.Writer.TryWrite(dueTime);
        return timer;
    }

    public void Advance(TimeSpan by) => Inner.Advance(by);

    /// <summary>Waits (real time, bounded) for a timer due in at least <paramref name="atLeast"/>; returns its due time.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(TimeSpan atLeast, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var due = await _created.Reader.ReadAsync(cts.Token);
            if (due >= atLeast) return due;
        }
    }
}
