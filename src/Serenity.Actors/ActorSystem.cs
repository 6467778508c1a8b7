using Serenity.Hocon;

namespace Serenity.Actors;

/// <summary>
/// A hierarchy of actors with shared configuration, dispatcher, scheduler and event stream.
/// Top-level actors live under <c>/user</c>; the kernel's own under <c>/system</c>.
/// </summary>
public abstract class ActorSystem : IActorRefFactory, IDisposable
{
    /// <summary>Creates a system; <paramref name="config"/> overrides the defaults of <c>hocon/serenity.conf</c>.</summary>
    public static ActorSystem Create(string name, Config? config = null) => Create(name, config, null);

    /// <summary>Creates a system whose scheduler and clock run on <paramref name="clock"/> (a <see cref="VirtualTimeProvider"/> in tests).</summary>
    public static ActorSystem Create(string name, Config? config, TimeProvider? clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!char.IsAsciiLetterOrDigit(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Invalid actor system name [{name}]: use letters, digits, '-' and '_', starting with a letter or digit", nameof(name));
        }
        var merged = (config ?? ConfigurationFactory.Empty).WithFallback(Settings.Reference);
        return new ActorSystemImpl(name, new Settings(merged), clock ?? TimeProvider.System);
    }

    /// <summary>The system's name (the authority of its paths).</summary>
    public abstract string Name { get; }

    /// <summary>The settings read from configuration.</summary>
    public abstract Settings Settings { get; }

    /// <summary>The clock: UTC time and timers for everything in the system.</summary>
    public abstract TimeProvider Clock { get; }

    /// <summary>Sends messages later, on <see cref="Clock"/>.</summary>
    public abstract IScheduler Scheduler { get; }

    /// <summary>System-wide publish/subscribe.</summary>
    public abstract EventStream EventStream { get; }

    /// <summary>Where undeliverable messages go (published as <see cref="DeadLetter"/>).</summary>
    public abstract IActorRef DeadLetters { get; }

    /// <summary>How many dead letters there have been.</summary>
    public abstract long DeadLetterCount { get; }

    /// <summary>The system's logger.</summary>
    public abstract ILoggingAdapter Log { get; }

    /// <summary>Completes when every actor has stopped.</summary>
    public abstract Task WhenTerminated { get; }

    /// <summary>When the system started.</summary>
    public abstract DateTimeOffset StartTime { get; }

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    public abstract IActorRef ActorOf(Props props, string? name = null);

    /// <summary>A selection by path; relative paths start at <c>/user</c>.</summary>
    public abstract ActorSelection ActorSelection(string path);

    /// <summary>Stops an actor (its children first).</summary>
    public abstract void Stop(IActorRef actor);

    /// <summary>Stops every actor (children before parents, each PostStop runs) and completes <see cref="WhenTerminated"/>.</summary>
    public abstract Task Terminate();

    /// <summary>A logger with <paramref name="source"/> as its source.</summary>
    public abstract ILoggingAdapter LoggerFor(string source);

    /// <summary>
    /// The system's single instance of an extension (persistence, sharding, ...), created on first use.
    /// An extension that is <see cref="IAsyncDisposable"/> is disposed after every actor has stopped.
    /// </summary>
    public abstract T GetOrAddExtension<T>(Func<ActorSystem, T> create) where T : class;

    /// <summary>Runs <paramref name="callback"/> after every actor has stopped, before <see cref="WhenTerminated"/> completes (last registered runs first).</summary>
    public abstract void RegisterOnTermination(Func<Task> callback);

    /// <summary>Terminates and waits (at most 10 seconds).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system when disposing.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing) Terminate().Wait(TimeSpan.FromSeconds(10));
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem({Name})";
}
