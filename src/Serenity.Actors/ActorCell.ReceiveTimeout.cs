namespace Serenity.Actors;

/// <summary>
/// Receive timeout with one pending timer instead of one per message: each message only records the
/// time; when the timer fires, the actor either really was idle long enough or the timer is re-armed
/// for the remainder.
/// </summary>
internal sealed partial class ActorCell
{
    private TimeSpan? _receiveTimeout;
    private ICancelable? _receiveTimeoutTimer;
    private DateTimeOffset _lastActivity;
    private int _receiveTimeoutGeneration;

    public TimeSpan? ReceiveTimeout => _receiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        CancelReceiveTimeout();
        if (timeout is not { } t || t <= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan) return;
        _receiveTimeout = t;
        MarkActivity();
        ArmReceiveTimeout(t);
    }

    private void MarkActivity() => _lastActivity = _system.Clock.GetUtcNow();

    private void CancelReceiveTimeout()
    {
        _receiveTimeout = null;
        _receiveTimeoutGeneration++;
        _receiveTimeoutTimer?.Cancel();
        _receiveTimeoutTimer = null;
    }

    private void ArmReceiveTimeout(TimeSpan after) =>
        _receiveTimeoutTimer = _system.Scheduler.ScheduleTellOnce(after, _self, new ReceiveTimeoutCheck(_receiveTimeoutGeneration), null);

    private void OnReceiveTimeoutCheck(ReceiveTimeoutCheck check)
    {
        if (check.Generation != _receiveTimeoutGeneration || _receiveTimeout is not { } timeout) return;
        var idle = _system.Clock.GetUtcNow() - _lastActivity;
        if (idle < timeout)
        {
            ArmReceiveTimeout(timeout - idle);
            return;
        }
        _currentMessage = Actors.ReceiveTimeout.Instance;
        ReceiveMessage(Actors.ReceiveTimeout.Instance);
        if (_receiveTimeout is { } stillSet && check.Generation == _receiveTimeoutGeneration)
        {
            MarkActivity();
            ArmReceiveTimeout(stillSet); // fires again after another idle period
        }
    }
}

/// <summary>The receive-timeout timer's own message; the generation ignores timers since replaced.</summary>
internal sealed record ReceiveTimeoutCheck(int Generation) : IAutoReceivedMessage, INotInfluenceReceiveTimeout;
