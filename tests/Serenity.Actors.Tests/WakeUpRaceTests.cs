using System.Diagnostics;
using Serenity.Actors;

namespace Serenity.Actors.Tests;

/// <summary>
/// A Tell that lands while the receiving actor ends its turn must still wake it. The sender enqueues and then reads the
/// mailbox's status; the actor clears "scheduled" and then looks for messages. Without a full fence between the
/// sender's enqueue and its read, the CPU may let the read overtake the enqueue's store (x86 does: store buffer): the
/// sender sees "scheduled" and leaves, the actor sees no message and goes idle, and the message waits forever. The
/// one-year backtest stalled that way after 10-14 s of CPU (millions of messages). A stress test: it needs the sender
/// and the actor on two cores at the same instant, so on a loaded machine it may pass even without the fence.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class WakeUpRaceTests : IDisposable
{
    private const int Messages = 3_000_000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PerMessage = TimeSpan.FromSeconds(5);
    private readonly ActorSystem _system = ActorSystem.Create("wake-up-race");

    public void Dispose() => _system.Terminate().GetAwaiter().GetResult();

    [Fact]
    public void A_message_sent_as_the_actor_ends_its_turn_is_always_processed()
    {
        var seen = new SeenBox();
        var actor = _system.ActorOf(Props.Create(() => new LastSeen(seen)));
        Exception? failure = null;
        // A thread of its own (not the pool's, which runs the actor) sends message i + 1 the moment the actor has taken
        // message i (spinning, so it is ready when the handler returns): every Tell races with the end of the turn.
        var sender = new Thread(() =>
        {
            try
            {
                SendOneByOne(actor, seen);
            }
            catch (TimeoutException e)
            {
                failure = e;
            }
        });
        sender.Start();

        Assert.True(sender.Join(Budget + PerMessage + TimeSpan.FromSeconds(10)), "the sender did not finish");
        Assert.Null(failure);
    }

    private static void SendOneByOne(IActorRef actor, SeenBox seen)
    {
        var clock = Stopwatch.StartNew();
        for (long i = 1; i <= Messages && clock.Elapsed < Budget; i++)
        {
            actor.Tell(i, ActorRefs.NoSender);
            var waited = Stopwatch.StartNew();
            var spin = default(SpinWait);
            while (Volatile.Read(ref seen.Value) != i)
            {
                if (waited.Elapsed > PerMessage) throw new TimeoutException($"message {i} was never processed (lost wake-up)");
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }
    }

    private sealed class SeenBox
    {
        public long Value;
    }

    private sealed class LastSeen : ReceiveActor
    {
        private int _spun;

        // After telling the sender, a little work of varying length: the sender's next Tell then lands at every point of
        // the end of the turn, the gap between the last empty look at the queue and clearing "scheduled" included.
        public LastSeen(SeenBox seen) => Receive<long>(i =>
        {
            Volatile.Write(ref seen.Value, i);
            for (var n = (int)(i % 200); n > 0; n--) Volatile.Write(ref _spun, n);
        });
    }
}
