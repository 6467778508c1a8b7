using System.Threading.Channels;
using Serenity.Actors;

namespace Serenity.Tickstore.Tests;

/// <summary>A virtual clock that reports each timer created on it, so a test advances time only once the code waits.</summary>
public sealed class ObservedClock(DateTimeOffset start) : TimeProvider
{
    private readonly VirtualTimeProvider _inner = new(start);
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _inner.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan) _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    public void Advance(TimeSpan by) => _inner.Advance(by);

    public async Task<TimeSpan> NextTimerAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _timers.Reader.ReadAsync(cts.Token);
    }
}
