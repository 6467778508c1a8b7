namespace Serenity.Actors;

/// <summary>
/// Sends messages later, driven by the system's clock (<see cref="ActorSystem.Clock"/>), so that a
/// virtual clock makes every timer-driven behaviour testable without waiting.
/// </summary>
public interface IScheduler
{
    /// <summary>The clock that drives this scheduler.</summary>
    TimeProvider Clock { get; }

    /// <summary>Current UTC time according to the clock.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Tells <paramref name="message"/> to <paramref name="receiver"/> once, after <paramref name="delay"/>.</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Tells after <paramref name="initialDelay"/>, then every <paramref name="interval"/>, until cancelled.</summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/> (on a pool thread; keep it short).</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);
}
