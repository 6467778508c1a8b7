namespace Serenity.MarketData.Alpaca;

/// <summary>
/// Calls back once when <see cref="Arm"/> has not been called again within the timeout (a silent, half-dead
/// connection). Runs on an injectable clock.
/// </summary>
internal sealed class StallWatchdog : IDisposable
{
    private readonly ITimer _timer;
    private readonly TimeSpan _timeout;
    private int _fired;

    public StallWatchdog(TimeProvider clock, TimeSpan timeout, Action<TimeSpan> onStall)
    {
        _timeout = timeout;
        _timer = clock.CreateTimer(_ =>
        {
            if (Interlocked.Exchange(ref _fired, 1) == 0) onStall(timeout);
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Restarts the countdown (a frame arrived).</summary>
    public void Arm()
    {
        if (_timeout > TimeSpan.Zero && _timeout != Timeout.InfiniteTimeSpan) _timer.Change(_timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stops the countdown (the client is waiting on its own reader, not on the server).</summary>
    public void Disarm() => _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    public void Dispose() => _timer.Dispose();
}
