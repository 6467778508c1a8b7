using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>Per sender/receiver pair, messages arrive in the order they were sent, however many senders run at once.</summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class OrderingTests : TestKit.TestKit
{
    private const int Senders = 8;
    private const int PerSender = 10_000;

    private sealed record Numbered(int SenderId, int Seq);

    private sealed record GetReport;

    private sealed record Report(int Received, int Violations, IReadOnlyDictionary<int, int> LastSeqBySender, int SendersSeen);

    /// <summary>Checks that each sender's numbers strictly increase; reports after <c>expected</c> messages or when asked.</summary>
    private sealed class SequenceChecker : ReceiveActor
    {
        private readonly Dictionary<int, int> _last = [];
        private int _received;
        private int _violations;

        public SequenceChecker(int expected, IActorRef reportTo)
        {
            Receive<Numbered>(m =>
            {
                if (_last.TryGetValue(m.SenderId, out var previous) && m.Seq <= previous) _violations++;
                _last[m.SenderId] = m.Seq;
                if (++_received == expected) reportTo.Tell(MakeReport(), Self);
            });
            Receive<GetReport>(_ => Sender.Tell(MakeReport(), Self));
        }

        private Report MakeReport() => new(_received, _violations, new Dictionary<int, int>(_last), _last.Count);
    }

    /// <summary>Checks ordering keyed by the (original) sender ref; used behind a forwarder.</summary>
    private sealed class SenderSequenceChecker : ReceiveActor
    {
        public SenderSequenceChecker(int expected, IActorRef reportTo)
        {
            var last = new Dictionary<IActorRef, int>();
            var received = 0;
            var violations = 0;
            Receive<int>(seq =>
            {
                if (last.TryGetValue(Sender, out var previous) && seq <= previous) violations++;
                last[Sender] = seq;
                if (++received == expected)
                {
                    reportTo.Tell(new Report(received, violations, last.ToDictionary(kv => kv.Key.Path.Name.GetHashCode(StringComparison.Ordinal), kv => kv.Value), last.Count), Self);
                }
            });
        }
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }

    /// <summary>On "go", tells its whole sequence to the target as fast as it can.</summary>
    private sealed class SenderActor : ReceiveActor
    {
        public SenderActor(int id, IActorRef target) => Receive<string>(_ =>
        {
            for (var i = 0; i < PerSender; i++) target.Tell(new Numbered(id, i), Self);
        });
    }

    private static void RunOnThreads(int count, Action<int> body)
    {
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            body(i);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }

    [Fact]
    public void Eight_threads_each_see_their_own_sequence_delivered_in_order()
    {
        var checker = Sys.ActorOf(Props.Create(() => new SequenceChecker(Senders * PerSender, TestActor)), "checker");

        RunOnThreads(Senders, id =>
        {
            for (var i = 0; i < PerSender; i++) checker.Tell(new Numbered(id, i), ActorRefs.NoSender);
        });

        var report = ExpectMsg<Report>(TimeSpan.FromSeconds(10));
        Assert.Equal(0, report.Violations);
        Assert.Equal(Senders * PerSender, report.Received);
        Assert.Equal(Senders, report.SendersSeen);
        Assert.All(report.LastSeqBySender.Values, last => Assert.Equal(PerSender - 1, last));
    }

    [Fact]
    public void Eight_sender_actors_each_see_their_own_sequence_delivered_in_order()
    {
        var checker = Sys.ActorOf(Props.Create(() => new SequenceChecker(Senders * PerSender, TestActor)), "checker");
        var senders = Enumerable.Range(0, Senders)
            .Select(id => Sys.ActorOf(Props.Create(() => new SenderActor(id, checker)), $"sender-{id}"))
            .ToList();

        senders.ForEach(s => s.Tell("go"));

        var report = ExpectMsg<Report>(TimeSpan.FromSeconds(10));
        Assert.Equal(0, report.Violations);
        Assert.Equal(Senders * PerSender, report.Received);
        Assert.All(report.LastSeqBySender.Values, last => Assert.Equal(PerSender - 1, last));
    }

    [Fact]
    public void A_bounded_mailbox_drops_overflow_to_dead_letters_but_keeps_the_order_of_what_it_accepts()
    {
        const int perSender = 5_000;
        var checker = Sys.ActorOf(Props.Create(() => new SequenceChecker(-1, TestActor)).WithBoundedMailbox(64), "bounded-checker");
        var deadBefore = Sys.DeadLetterCount;

        RunOnThreads(Senders, id =>
        {
            for (var i = 0; i < perSender; i++) checker.Tell(new Numbered(id, i), ActorRefs.NoSender);
        });

        // Overflow is published synchronously by the Tell, so after the joins the count is final.
        var dropped = Sys.DeadLetterCount - deadBefore;

        // The report request itself may meet a full mailbox: a rejected Tell shows up at once as a dead letter.
        var attempts = 0;
        while (true)
        {
            var before = Sys.DeadLetterCount;
            checker.Tell(new GetReport(), TestActor);
            if (Sys.DeadLetterCount == before) break;
            Assert.True(++attempts < 1_000_000, "the bounded mailbox never accepted the report request");
        }

        var report = ExpectMsg<Report>(TimeSpan.FromSeconds(10));
        Assert.Equal(0, report.Violations);
        Assert.Equal(Senders * perSender, report.Received + dropped);
        Assert.True(report.Received >= 64, $"only {report.Received} messages were accepted");
    }

    [Fact]
    public void Forward_keeps_the_original_sender_and_the_order_per_sender()
    {
        const int senders = 4;
        var checker = Sys.ActorOf(Props.Create(() => new SenderSequenceChecker(senders * PerSender, TestActor)), "checker");
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(checker)), "forwarder");
        var senderRefs = Enumerable.Range(0, senders).Select(i => CreateTestProbe($"origin-{i}")).ToArray();

        RunOnThreads(senders, id =>
        {
            for (var i = 0; i < PerSender; i++) forwarder.Tell(i, senderRefs[id]);
        });

        var report = ExpectMsg<Report>(TimeSpan.FromSeconds(10));
        Assert.Equal(0, report.Violations);
        Assert.Equal(senders, report.SendersSeen); // keyed by Sender: the forwarder did not replace it
        Assert.All(report.LastSeqBySender.Values, last => Assert.Equal(PerSender - 1, last));
        Assert.All(senderRefs, p => Assert.False(p.HasMessages));
    }
}
