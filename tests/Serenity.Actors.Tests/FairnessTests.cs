using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>
/// With <c>throughput = 1</c> a mailbox gives up its thread after every message, so actors busy with a
/// flood of messages cannot keep an idle actor from answering. Each test gives far more actors than
/// there are pool threads a flood each, waits until all of them are working through it (every pool
/// thread busy), pings a bystander from outside the actors, and checks how much of the floods was
/// processed before the answer: a bound on work done, not on time. A fair kernel answers within about
/// one round of the busy actors (tens of messages); an unfair one only after whole floods.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class FairnessTests : TestKit.TestKit
{
    private const int PerActor = 10_000;
    private readonly Progress _progress = new();
    private readonly TestProbe _floodProbe;
    private readonly List<IActorRef> _busy;
    private readonly IActorRef[] _bystanders;
    private int _floodsDone;

    public FairnessTests()
        : base("serenity.actor.default-dispatcher.throughput = 1")
    {
        _floodProbe = CreateTestProbe();
        var progress = _progress;
        var floodProbe = _floodProbe;
        // Far more busy actors than pool threads, so that the pool's global queue never runs dry.
        var busyActors = Math.Max(64, 4 * ThreadPool.ThreadCount);
        _busy = Enumerable.Range(0, busyActors)
            .Select(i => Sys.ActorOf(Props.Create(() => new Busy(progress, floodProbe)), $"busy-{i}"))
            .ToList();
        _bystanders = Enumerable.Range(0, 4).Select(i => Sys.ActorOf(Props.Create(() => new Bystander(progress)), $"bystander-{i}")).ToArray();
        foreach (var b in _bystanders)
        {
            b.Tell(new Ping(), TestActor);
            ExpectMsg<Answer>(); // the bystander is up
        }
    }

    private sealed class Progress
    {
        public long Processed;
    }

    private sealed record Answer(long Processed);

    /// <summary>On "flood", queues <see cref="PerActor"/> messages to itself, then works through them.</summary>
    private sealed class Busy : ReceiveActor
    {
        public Busy(Progress progress, IActorRef probe)
        {
            Receive<string>(_ =>
            {
                for (var i = 0; i < PerActor; i++) Self.Tell(i, Self);
            });
            Receive<int>(i =>
            {
                Interlocked.Increment(ref progress.Processed);
                if (i == 100) probe.Tell("working", Self);
                if (i == PerActor - 1) probe.Tell("flood done", Self);
            });
        }
    }

    private sealed class Bystander : ReceiveActor
    {
        public Bystander(Progress progress) => Receive<Ping>(_ => Sender.Tell(new Answer(Interlocked.Read(ref progress.Processed)), Self));
    }

    private void StartFloods()
    {
        Assert.Equal(1, Sys.Settings.DefaultThroughput);
        OnDedicatedThread(() => _busy.ForEach(b => b.Tell("flood")));
        // Every flood is under way (so every pool thread is busy) once each actor has reported "working".
        for (var working = 0; working < _busy.Count;)
        {
            if (_floodProbe.ExpectMsg<string>() == "working") working++;
            else _floodsDone++;
        }
    }

    private static void OnDedicatedThread(Action action)
    {
        var thread = new Thread(() => action());
        thread.Start();
        thread.Join();
    }

    /// <summary>Tells the bystander a Ping and waits (blocking this thread) for its answer; returns the flood work done meanwhile.</summary>
    private long PingAndMeasure()
    {
        var reply = CreateTestProbe();
        _bystanders[0].Tell(new Ping(), reply);
        var atPing = Interlocked.Read(ref _progress.Processed);
        return reply.ExpectMsg<Answer>(TimeSpan.FromSeconds(20)).Processed - atPing;
    }

    private static void AssertPrompt(long meanwhile) =>
        Assert.True(
            meanwhile < PerActor,
            $"the bystander answered only after {meanwhile} flood messages had been processed: more than a whole flood ({PerActor})");

    private void ExpectFloodsDone()
    {
        for (; _floodsDone < _busy.Count; _floodsDone++) _floodProbe.ExpectMsg("flood done", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Actors_flooded_with_messages_do_not_delay_an_idle_actors_answer()
    {
        StartFloods();

        long meanwhile = 0;
        OnDedicatedThread(() => meanwhile = PingAndMeasure()); // a thread of its own, as a socket reader's

        AssertPrompt(meanwhile);
        ExpectFloodsDone();
    }

    // Fails at the time of writing: Dispatcher.ScheduleFromTell queues a mailbox woken by a Tell from a
    // pool thread outside any actor on that thread's local queue (preferLocal: true). Pool workers take
    // the global queue before stealing, so while busy actors keep the global queue non-empty the
    // mailbox waits until the telling thread is free again, here until the floods are nearly done.
    [Fact]
    public async Task A_Tell_from_a_thread_pool_thread_that_stays_busy_is_not_starved_by_busy_actors()
    {
        StartFloods();

        // Code on pool threads (tasks, request handlers) that tells an actor and then keeps its thread:
        // here each waits on an event the answer sets (as it would on a lock, a socket or CPU work).
        // Four of them, each with its own bystander: every one must be answered promptly.
        var meanwhile = await Task.WhenAll(_bystanders.Select(bystander => Task.Factory.StartNew(
            () =>
            {
                using var answered = new ManualResetEventSlim();
                var reply = new SignallingRef(answered);
                bystander.Tell(new Ping(), reply);
                var atPing = Interlocked.Read(ref _progress.Processed);
                Assert.True(answered.Wait(TimeSpan.FromSeconds(20)), "the bystander never answered");
                return reply.Answer!.Processed - atPing;
            },
            CancellationToken.None,
            TaskCreationOptions.PreferFairness, // through the pool's global queue, like any request
            TaskScheduler.Default)));

        AssertPrompt(meanwhile.Max());
        ExpectFloodsDone();
    }

    /// <summary>A sender that sets an event when the answer arrives.</summary>
    private sealed class SignallingRef(ManualResetEventSlim answered) : MinimalActorRef(new RootActorPath(new Address("serenity", "FairnessTests")).Child("signal"))
    {
        public Answer? Answer { get; private set; }

        public override void Tell(object message, IActorRef? sender)
        {
            Answer = (Answer)message;
            answered.Set();
        }
    }
}
