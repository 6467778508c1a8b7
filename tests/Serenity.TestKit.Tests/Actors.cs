using Serenity.Actors;

namespace Serenity.TestKit.Tests;

/// <summary>A message with value equality.</summary>
internal sealed record Ping(int N);

/// <summary>Asks an actor to log <see cref="Text"/> at <see cref="Level"/>.</summary>
internal sealed record LogRequest(LogLevel Level, string Text);

/// <summary>Replies to every message with the message itself.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Never answers.</summary>
internal sealed class SilentActor : ReceiveActor
{
    public SilentActor() => ReceiveAny(_ => { });
}

/// <summary>Throws the exception it is sent; echoes anything else.</summary>
internal sealed class ThrowingActor : ReceiveActor
{
    public ThrowingActor()
    {
        Receive<Exception>(e => throw e);
        ReceiveAny(m => Sender.Tell(m, Self));
    }
}

/// <summary>Logs what it is asked to log, then confirms with "logged".</summary>
internal sealed class LoggingActor : ReceiveActor
{
    public LoggingActor() => Receive<LogRequest>(r =>
    {
        Context.GetLogger().Log(r.Level, null, r.Text);
        Sender.Tell("logged", Self);
    });
}

/// <summary>Sends <c>question</c> to the ref it is given; sends the answer it gets back to <paramref name="reportTo"/>.</summary>
internal sealed class AskingActor : ReceiveActor
{
    public AskingActor(IActorRef reportTo)
    {
        Receive<IActorRef>(target => target.Tell("question", Self));
        Receive<string>(answer => reportTo.Tell($"got {answer}", Self));
    }
}

/// <summary>Counts the messages it processes in a counter the test can read.</summary>
internal sealed class CountingActor : ReceiveActor
{
    public CountingActor(SharedCounter counter) => ReceiveAny(_ => counter.Increment());
}

/// <summary>A counter shared between an actor and the test.</summary>
internal sealed class SharedCounter
{
    private int _value;

    public int Value => Volatile.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);
}

/// <summary>Starts a periodic timer in PreStart and reports every tick (and its start) to <paramref name="reportTo"/>.</summary>
internal sealed class TickingActor : ReceiveActor, IWithTimers
{
    private readonly IActorRef _reportTo;
    private int _ticks;

    public TickingActor(IActorRef reportTo, TimeSpan interval)
    {
        _reportTo = reportTo;
        Interval = interval;
        Receive<string>(m => m == "tick", _ => _reportTo.Tell(new Ping(++_ticks), Self));
        Receive<string>(m => m == "stop-ticking", _ =>
        {
            Timers.Cancel("ticker");
            _reportTo.Tell("stopped", Self);
        });
        Receive<string>(m => m == "sync", _ => _reportTo.Tell("synced", Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private TimeSpan Interval { get; }

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("ticker", "tick", Interval);
        _reportTo.Tell("started", Self);
    }
}

/// <summary>Exception used to make an actor fail on purpose.</summary>
internal sealed class BoomException : Exception
{
    public BoomException()
        : base("boom")
    {
    }

    public BoomException(string message)
        : base(message)
    {
    }

    public BoomException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Tells <c>from actor</c> to the ref it is sent, with the implicit sender.</summary>
internal sealed class ImplicitTellingActor : ReceiveActor
{
    public ImplicitTellingActor() => Receive<IActorRef>(target => target.Tell("from actor"));
}
