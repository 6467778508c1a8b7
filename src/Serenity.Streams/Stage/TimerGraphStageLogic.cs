using Serenity.Actors;
using Serenity.Streams.Implementation.Fusing;

namespace Serenity.Streams.Stage;

/// <summary>
/// A logic with named timers on the actor system's scheduler (so on its clock: virtual time in tests).
/// <see cref="OnTimer"/> runs on the interpreter like any other signal; a timer cancelled or re-scheduled
/// before it fires never calls it.
/// </summary>
public abstract class TimerGraphStageLogic(Shape shape) : GraphStageLogic(shape)
{
    private readonly Dictionary<object, Timer> _timers = [];

    /// <summary>Called when the timer named <paramref name="timerKey"/> fires.</summary>
    protected abstract void OnTimer(object timerKey);

    /// <summary>Fires <paramref name="timerKey"/> once after <paramref name="delay"/> (replacing a timer of that name).</summary>
    protected void ScheduleOnce(object timerKey, TimeSpan delay)
    {
        var timer = Replace(timerKey, repeating: false);
        timer.Task = Materializer.System.Scheduler.ScheduleTellOnce(delay, timer, timer, null);
    }

    /// <summary>Fires <paramref name="timerKey"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    protected void ScheduleRepeatedly(object timerKey, TimeSpan initialDelay, TimeSpan interval)
    {
        var timer = Replace(timerKey, repeating: true);
        timer.Task = Materializer.System.Scheduler.ScheduleTellRepeatedly(initialDelay, interval, timer, timer, null);
    }

    /// <summary>Fires <paramref name="timerKey"/> every <paramref name="interval"/>.</summary>
    protected void ScheduleRepeatedly(object timerKey, TimeSpan interval) => ScheduleRepeatedly(timerKey, interval, interval);

    /// <summary>Cancels the timer; it will not fire even if it is due already.</summary>
    protected void CancelTimer(object timerKey)
    {
        if (_timers.Remove(timerKey, out var timer)) timer.Task?.Cancel();
    }

    /// <summary>Whether the timer is scheduled.</summary>
    protected bool IsTimerActive(object timerKey) => _timers.ContainsKey(timerKey);

    private protected override void OnStopped()
    {
        foreach (var timer in _timers.Values) timer.Task?.Cancel();
        _timers.Clear();
        base.OnStopped();
    }

    private Timer Replace(object timerKey, bool repeating)
    {
        ArgumentNullException.ThrowIfNull(timerKey);
        CancelTimer(timerKey);
        var timer = new Timer(this, timerKey, repeating);
        _timers[timerKey] = timer;
        return timer;
    }

    private void Fire(Timer timer)
    {
        if (!_timers.TryGetValue(timer.Key, out var current) || !ReferenceEquals(current, timer)) return; // stale
        if (!timer.Repeating) _timers.Remove(timer.Key);
        OnTimer(timer.Key);
    }

    /// <summary>One scheduled timer; the scheduler "tells" it when due, and it posts itself to the interpreter.</summary>
    private sealed class Timer(TimerGraphStageLogic logic, object key, bool repeating) : ICanTell
    {
        public object Key { get; } = key;

        public bool Repeating { get; } = repeating;

        public ICancelable? Task { get; set; }

        public void Tell(object message, IActorRef? sender) => logic.PostAsync(new TimerEvent(logic, this));
    }

    private sealed class TimerEvent(TimerGraphStageLogic logic, Timer timer) : AsyncEvent(logic)
    {
        public override void Run() => logic.Fire(timer);
    }
}
