namespace Serenity.Actors;

/// <summary>
/// A clock that only moves when told to. <see cref="Advance"/> fires every timer that falls due, in
/// due-time order, with the clock set to each timer's due time as it fires. Timers created by a
/// callback fire within the same advance when they fall due before its end.
/// Drives the TestKit, simulations and backtests.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly object _advancing = new();
    private readonly PriorityQueue<VirtualTimer, (DateTimeOffset Due, long Order)> _due = new();
    private DateTimeOffset _now;
    private long _order;
    private int _armsSincePurge;

    /// <summary>Starts at <paramref name="start"/> (default 2026-01-01T00:00:00Z).</summary>
    public VirtualTimeProvider(DateTimeOffset? start = null) =>
        _now = (start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToUniversalTime();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Number of timers waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate) return _due.UnorderedItems.Count(i => i.Element.IsArmedFor(i.Priority.Order));
        }
    }

    /// <summary>
    /// Moves time forward by <paramref name="by"/>, firing due timers on the calling thread. Advances from
    /// several threads run one after the other (so they add up and callbacks never overlap); an advance
    /// from inside a callback moves time on from that timer's due time. Time never goes back.
    /// </summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), by, "virtual time cannot go backwards");
        // Callbacks run outside _gate (they create and change timers), so a second lock keeps whole
        // advances apart: without it two threads start from the same "now" (one advance is lost) and the
        // slower one sets "now" back to its own, earlier target. It is reentrant for nested advances.
        lock (_advancing)
        {
            DateTimeOffset target;
            lock (_gate) target = _now + by;
            while (true)
            {
                VirtualTimer timer;
                lock (_gate)
                {
                    if (!_due.TryPeek(out timer!, out var key) || key.Due > target)
                    {
                        if (target > _now) _now = target; // a nested advance may have gone further
                        return;
                    }
                    _due.Dequeue();
                    if (!timer.IsArmedFor(key.Order)) continue;
                    if (key.Due > _now) _now = key.Due;
                    timer.OnFiring(this);
                }
                timer.Invoke();
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    // Called under _gate: queue the timer for its next due time; the order number also versions it,
    // so an earlier queue entry of a re-armed timer is skipped.
    private long Arm(VirtualTimer timer, DateTimeOffset due)
    {
        // Re-armed and disposed timers leave stale entries behind (skipped when dequeued). Long simulations
        // dispose many far-off timers (ask timeouts), so drop the stale entries once they are the majority.
        if (_due.Count > 1024 && ++_armsSincePurge > _due.Count)
        {
            _armsSincePurge = 0;
            var live = _due.UnorderedItems.Where(i => i.Element.IsArmedFor(i.Priority.Order)).ToList();
            _due.Clear();
            foreach (var (element, priority) in live) _due.Enqueue(element, priority);
        }
        var order = ++_order;
        _due.Enqueue(timer, (due, order));
        return order;
    }

    private sealed class VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private long _armedOrder;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public bool IsArmedFor(long order) => _armedOrder == order;

        public void OnFiring(VirtualTimeProvider provider)
        {
            _armedOrder = _period > TimeSpan.Zero ? provider.Arm(this, provider._now + _period) : 0;
        }

        public void Invoke() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                if (_disposed) return false; // as the system timer: a disposed timer stays disposed
                _period = period;
                _armedOrder = dueTime == Timeout.InfiniteTimeSpan
                    ? 0
                    : owner.Arm(this, owner._now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime));
                return true;
            }
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                _disposed = true;
                _armedOrder = 0;
                _period = Timeout.InfiniteTimeSpan;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
