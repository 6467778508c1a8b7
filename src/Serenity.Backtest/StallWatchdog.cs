namespace Serenity.Backtest;

/// <summary>
/// A safety net, not synchronization: cancels the run when no minute completes within <c>limit</c> of real time (an actor
/// that never answers would otherwise hang the backtest, since its virtual-time Ask timeouts never come).
/// </summary>
internal sealed class StallWatchdog : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly Timer _timer;
    private long _progress;
    private long _seen = -1;

    public StallWatchdog(TimeSpan limit, CancellationToken outer)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _timer = new Timer(_ => Check(), null, limit, limit);
    }

    /// <summary>Cancelled by the caller or by a stall.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>True when the watchdog (not the caller) cancelled.</summary>
    public bool Stalled { get; private set; }

    /// <summary>Records progress.</summary>
    public void Tick() => Interlocked.Increment(ref _progress);

    private void Check()
    {
        var now = Interlocked.Read(ref _progress);
        if (now == _seen && !_cts.IsCancellationRequested)
        {
            Stalled = true;
            try
            {
                _cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // the run ended meanwhile
            }
        }
        _seen = now;
    }

    public void Dispose()
    {
        _timer.Dispose();
        _cts.Dispose();
    }
}
