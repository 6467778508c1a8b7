namespace Serenity.MarketData.Alpaca.Rest;

/// <summary>
/// At most <c>permits</c> requests in any <c>window</c> (Alpaca: 200 per minute), waiting on an injectable
/// clock for the oldest request to leave the window. Thread-safe.
/// </summary>
public sealed class SlidingWindowRateLimiter(int permits, TimeSpan window, TimeProvider clock)
{
    private readonly Queue<DateTimeOffset> _granted = new();
    private readonly object _gate = new();
    private DateTimeOffset _pausedUntil;

    /// <summary>Waits until a request may go out, and counts it.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                while (_granted.Count > 0 && _granted.Peek() + window <= now) _granted.Dequeue();
                if (_pausedUntil > now) wait = _pausedUntil - now;
                else if (_granted.Count < permits)
                {
                    _granted.Enqueue(now);
                    return;
                }
                else wait = _granted.Peek() + window - now;
            }
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    /// <summary>The server said "not before <paramref name="until"/>" (a 429): every caller waits.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _pausedUntil) _pausedUntil = until;
        }
    }
}
