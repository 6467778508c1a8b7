namespace Serenity.Actors;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the actor and its state; continue with the next message.</summary>
    Resume,

    /// <summary>Replace the actor instance (fresh state); its mailbox is kept.</summary>
    Restart,

    /// <summary>Stop the actor.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same cause; its own parent decides.</summary>
    Escalate,
}

/// <summary>
/// Decides what happens to a failed child. Restarts are limited: more than
/// <see cref="MaxNumberOfRetries"/> within <see cref="WithinTimeRange"/> stops the child instead.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Akka's default decider: initialization failures, kills and death pacts stop; anything else restarts.</summary>
    public static readonly Func<Exception, Directive> DefaultDecider = static e => e switch
    {
        ActorInitializationException or ActorKilledException or DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>One-for-one, unlimited restarts, default decider.</summary>
    public static readonly SupervisorStrategy DefaultStrategy = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops any failing child.</summary>
    public static readonly SupervisorStrategy StoppingStrategy = new OneForOneStrategy(static _ => Directive.Stop);

    /// <summary>Creates a strategy.</summary>
    protected SupervisorStrategy(int maxNumberOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNumberOfRetries = maxNumberOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>Restarts allowed within the window; -1 means unlimited (1 per window when a window is set), 0 means never.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The window for counting restarts; null means forever.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>Maps a failure to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Whether failures are logged as errors on the event stream.</summary>
    public bool LoggingEnabled { get; }

    /// <summary>True if the directive applies to every child, not just the failed one.</summary>
    internal abstract bool AppliesToAllChildren { get; }

    /// <summary>Records a restart in <paramref name="stats"/> and says whether it is within the limit.</summary>
    internal bool RequestRestartPermission(ChildRestartStats stats, DateTimeOffset now)
    {
        if (MaxNumberOfRetries < 0 && WithinTimeRange is null) return true;
        if (MaxNumberOfRetries == 0) return false;
        var limit = MaxNumberOfRetries < 0 ? 1 : MaxNumberOfRetries;
        if (WithinTimeRange is not { } window)
        {
            stats.RestartCount++;
            return stats.RestartCount <= limit;
        }
        if (stats.WindowStart is { } start && now - start <= window)
        {
            stats.RestartCount++;
            return stats.RestartCount <= limit;
        }
        stats.WindowStart = now;
        stats.RestartCount = 1;
        return true;
    }
}

/// <summary>The directive applies only to the failed child.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Unlimited restarts.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider) : this(-1, null, decider)
    {
    }

    /// <summary>At most <paramref name="maxNrOfRetries"/> restarts within <paramref name="withinTimeRange"/>.</summary>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    internal override bool AppliesToAllChildren => false;
}

/// <summary>The directive applies to all children of the supervisor.</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Unlimited restarts.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider) : this(-1, null, decider)
    {
    }

    /// <summary>At most <paramref name="maxNrOfRetries"/> restarts within <paramref name="withinTimeRange"/>.</summary>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    internal override bool AppliesToAllChildren => true;
}

/// <summary>Restart bookkeeping a parent keeps per child.</summary>
internal sealed class ChildRestartStats
{
    public int RestartCount;
    public DateTimeOffset? WindowStart;
}
