using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>System messages (stop, failure handling) overtake the user messages queued before them.</summary>
public sealed class SystemMessageTests : TestKit.TestKit
{
    private const int Queued = 1_000;

    /// <summary>Counts the numbers it handles and reports the count from PostStop.</summary>
    private sealed class Worker : ReceiveActor
    {
        private readonly IActorRef _probe;
        private int _processed;

        public Worker(IActorRef probe)
        {
            _probe = probe;
            Receive<Block>(b =>
            {
                b.ReportTo.Tell("blocked", Self);
                b.Gate.Block();
            });
            Receive<string>(s => s == "stop-self", _ => Context.Stop(Self));
            Receive<int>(_ => _processed++);
        }

        protected override void PostStop() => _probe.Tell($"postStop after {_processed}", ActorRefs.NoSender);
    }

    private (IActorRef Worker, Gate Gate) BlockedWorkerWithQueue(object? first = null)
    {
        var gate = new Gate();
        var worker = Sys.ActorOf(Props.Create(() => new Worker(TestActor)), "worker");
        worker.Tell(new Block(gate, TestActor));
        ExpectMsg("blocked");
        if (first is not null) worker.Tell(first);
        for (var i = 0; i < Queued; i++) worker.Tell(i);
        return (worker, gate);
    }

    [Fact]
    public void Stop_from_outside_overtakes_the_queued_user_messages_which_become_dead_letters()
    {
        var (worker, gate) = BlockedWorkerWithQueue();
        using var _ = gate;
        Watch(worker);

        EventFilter.DeadLetter<int>().Expect(Queued, () =>
        {
            Sys.Stop(worker);
            gate.Open();
            ExpectMsg("postStop after 0"); // PostStop ran right after the blocked message, before any queued one
            ExpectTerminated(worker);
        });
    }

    [Fact]
    public void Context_Stop_of_self_processes_no_further_queued_messages()
    {
        var (worker, gate) = BlockedWorkerWithQueue(first: "stop-self");
        using var _ = gate;
        Watch(worker);

        EventFilter.DeadLetter<int>().Expect(Queued, () =>
        {
            gate.Open();
            ExpectMsg("postStop after 0");
            ExpectTerminated(worker);
        });
    }

    [Fact]
    public void PoisonPill_by_contrast_waits_for_the_messages_queued_before_it()
    {
        var (worker, gate) = BlockedWorkerWithQueue();
        using var _ = gate;
        worker.Tell(PoisonPill.Instance);

        gate.Open();

        ExpectMsg($"postStop after {Queued}");
    }
}
