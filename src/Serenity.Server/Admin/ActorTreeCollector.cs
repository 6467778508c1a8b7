using Serenity.Actors;

namespace Serenity.Server.Admin;

/// <summary>
/// Lists the actor hierarchy for the admin endpoint: sends <see cref="Identify"/> to every path matching
/// <c>/user/*</c>, <c>/system/*</c> and deeper wildcards, collects the answers for a short window on the system's
/// clock, and replies with the paths found (sorted, at most <c>limit</c>).
/// </summary>
public sealed class ActorTreeCollector : ReceiveActor, IWithTimers
{
    private static readonly object Done = new();
    private readonly SortedSet<string> _paths = new(StringComparer.Ordinal);
    private readonly int _depth;
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly IActorRef _replyTo;

    /// <summary>Creates the collector; it answers <paramref name="replyTo"/> with an <see cref="ActorTree"/> and stops.</summary>
    public ActorTreeCollector(IActorRef replyTo, int depth, int limit, TimeSpan window)
    {
        _replyTo = replyTo;
        _depth = depth;
        _limit = limit;
        _window = window;
        Receive<ActorIdentity>(id =>
        {
            if (id.Subject is { } subject && _paths.Count < _limit) _paths.Add(subject.Path.ToStringWithoutAddress());
        });
        Receive<object>(_ =>
        {
            _paths.Remove(Self.Path.ToStringWithoutAddress());
            _replyTo.Tell(new ActorTree([.. _paths], _paths.Count >= _limit), Self);
            Context.Stop(Self);
        }, m => ReferenceEquals(m, Done));
    }

    /// <summary>Props of the collector.</summary>
    public static Props Props(IActorRef replyTo, int depth, int limit, TimeSpan window) =>
        Actors.Props.Create(() => new ActorTreeCollector(replyTo, depth, limit, window));

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    protected override void PreStart()
    {
        foreach (var root in new[] { "/user", "/system" })
        {
            var pattern = root;
            for (var level = 0; level < _depth; level++)
            {
                pattern += "/*";
                Context.System.ActorSelection(pattern).Tell(new Identify(null), Self);
            }
        }
        Timers.StartSingleTimer(Done, Done, _window);
    }
}

/// <summary>Actor paths found, and whether the list was cut at its limit.</summary>
public sealed record ActorTree(IReadOnlyList<string> Paths, bool Truncated);
