namespace Serenity.Actors;

/// <summary>The scheduler: one <see cref="TimeProvider"/> timer per scheduled item.</summary>
internal sealed class TimeProviderScheduler(TimeProvider clock) : IScheduler
{
    public TimeProvider Clock { get; } = clock;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public ICancelable ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender) =>
        Start(new ScheduledTell(receiver, message, sender, repeating: false), delay, Timeout.InfiniteTimeSpan);

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "interval must be positive");
        return Start(new ScheduledTell(receiver, message, sender, repeating: true), initialDelay, interval);
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action) =>
        Start(new ScheduledAction(action), delay, Timeout.InfiniteTimeSpan);

    private ScheduledItem Start(ScheduledItem item, TimeSpan delay, TimeSpan period)
    {
        if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        item.Attach(Clock.CreateTimer(static s => ((ScheduledItem)s!).Fire(), item, delay, period));
        return item;
    }

    private abstract class ScheduledItem : ICancelable
    {
        private ITimer? _timer;
        private int _cancelled;

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) == 1;

        protected abstract bool Repeating { get; }

        // Attach and Cancel may race (a timer on a real clock can even fire before Attach). Both sides
        // publish with a full fence before reading the other's field, so at least one of them sees both
        // and disposes the timer (twice is harmless); a plain store could be reordered after the read.
        public void Attach(ITimer timer)
        {
            Interlocked.Exchange(ref _timer, timer);
            if (IsCancellationRequested) timer.Dispose(); // cancelled before the timer existed
        }

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) == 0) Volatile.Read(ref _timer)?.Dispose();
        }

        public void Fire()
        {
            if (IsCancellationRequested) return;
            if (!Repeating) Cancel();
            Run();
        }

        protected abstract void Run();
    }

    private sealed class ScheduledTell(ICanTell receiver, object message, IActorRef? sender, bool repeating) : ScheduledItem
    {
        protected override bool Repeating { get; } = repeating;

        protected override void Run() => receiver.Tell(message, sender);
    }

    private sealed class ScheduledAction(Action action) : ScheduledItem
    {
        protected override bool Repeating => false;

        protected override void Run() => action();
    }
}
