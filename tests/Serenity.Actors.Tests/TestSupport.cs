namespace Serenity.Actors.Tests;

/// <summary>
/// A gate an actor blocks on (inside a handler) until the test opens it. It lets a test queue
/// messages behind a busy actor deterministically: a signal, not a sleep.
/// </summary>
internal sealed class Gate : IDisposable
{
    private readonly ManualResetEventSlim _open = new(false);

    /// <summary>Blocks the calling (actor) thread until <see cref="Open"/>; fails after 10 s so a broken test cannot hang.</summary>
    public void Block()
    {
        if (!_open.Wait(TimeSpan.FromSeconds(10))) throw new TimeoutException("the test never opened the gate");
    }

    public void Open() => _open.Set();

    public void Dispose() => _open.Dispose();
}

/// <summary>Makes the receiving actor tell <paramref name="ReportTo"/> "blocked", then wait on <paramref name="Gate"/>.</summary>
internal sealed record Block(Gate Gate, IActorRef ReportTo);

/// <summary>The exception tests throw on purpose.</summary>
public sealed class TestException(string message) : Exception(message);

/// <summary>Makes an actor throw <see cref="TestException"/> with <paramref name="Reason"/>.</summary>
internal sealed record Boom(string Reason);

/// <summary>A ping that does not count as activity for the receive timeout.</summary>
internal sealed record Ping(int Id = 0) : INotInfluenceReceiveTimeout;

/// <summary>The answer to <see cref="Ping"/>.</summary>
internal sealed record Pong(int Id = 0);

/// <summary>A parent that creates the children it is asked for and answers with their refs.</summary>
internal sealed class Parent : ReceiveActor
{
    public Parent()
    {
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name), Self));
        Receive<Ping>(p => Sender.Tell(new Pong(p.Id), Self));
    }
}

internal sealed record CreateChild(Props Props, string? Name = null);

/// <summary>Numbers the instances an actor's props create, so a test can tell a restart (new instance) from the old one.</summary>
internal sealed class Incarnations
{
    private int _count;

    public int Next() => Interlocked.Increment(ref _count);
}

/// <summary>
/// An actor that reports every lifecycle hook to <c>events</c> (<c>ctor1</c>, <c>preStart1</c>,
/// <c>preRestart1:reason:message</c>, <c>postStop1</c>, <c>postRestart2:reason</c>...), keeps a counter
/// ("inc", "get"), throws on <see cref="Boom"/>, blocks on <see cref="Block"/>, and reports any other
/// string as <c>id:text</c>.
/// </summary>
internal sealed class LifecycleActor : ReceiveActor
{
    private readonly IActorRef _events;
    private readonly int _id;
    private int _counter;

    public LifecycleActor(IActorRef events, Incarnations incarnations)
    {
        _events = events;
        _id = incarnations.Next();
        events.Tell($"ctor{_id}", ActorRefs.NoSender);
        Receive<Boom>(b => throw new TestException(b.Reason));
        Receive<Block>(b =>
        {
            b.ReportTo.Tell("blocked", Self);
            b.Gate.Block();
        });
        Receive<string>(s =>
        {
            switch (s)
            {
                case "inc":
                    _counter++;
                    break;
                case "get":
                    Sender.Tell(_counter, Self);
                    break;
                default:
                    _events.Tell($"{_id}:{s}", Self);
                    break;
            }
        });
    }

    public static Props Props(IActorRef events, Incarnations? incarnations = null)
    {
        var counter = incarnations ?? new Incarnations();
        return Actors.Props.Create(() => new LifecycleActor(events, counter));
    }

    protected override void PreStart() => _events.Tell($"preStart{_id}", Self);

    protected override void PostStop() => _events.Tell($"postStop{_id}", Self);

    protected override void PreRestart(Exception reason, object? message)
    {
        _events.Tell($"preRestart{_id}:{reason.Message}:{message}", Self);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _events.Tell($"postRestart{_id}:{reason.Message}", Self);
        base.PostRestart(reason);
    }
}

internal static class ProbeExtensions
{
    /// <summary>Expects exactly these messages, in this order.</summary>
    public static void ExpectMsgs<T>(this Serenity.TestKit.TestProbe probe, params T[] expected)
    {
        foreach (var e in expected) probe.ExpectMsg(e);
    }
}
