using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>Undeliverable messages are counted and published as <see cref="DeadLetter"/>.</summary>
public sealed class DeadLetterTests : TestKit.TestKit
{
    private sealed class Echo : ReceiveActor
    {
        public Echo(IActorRef probe)
        {
            Receive<Block>(b =>
            {
                b.ReportTo.Tell("blocked", Self);
                b.Gate.Block();
            });
            ReceiveAny(m => probe.Tell(m, Self));
        }
    }

    private IActorRef StoppedActor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Echo(TestActor)), "gone");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        return actor;
    }

    [Fact]
    public void A_message_to_a_stopped_actor_is_published_as_a_DeadLetter_and_counted()
    {
        var actor = StoppedActor();
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));
        var sender = CreateTestProbe("sender");
        var before = Sys.DeadLetterCount;

        actor.Tell("lost", sender);

        var letter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal("lost", letter.Message);
        Assert.Equal(sender, letter.Sender);
        Assert.Equal(actor, letter.Recipient);
        Assert.Equal(before + 1, Sys.DeadLetterCount);
    }

    [Fact]
    public void EventFilter_DeadLetter_counts_the_dead_letters_of_one_type()
    {
        var actor = StoppedActor();

        EventFilter.DeadLetter<string>().Expect(2, () =>
        {
            actor.Tell("one");
            actor.Tell(2); // not a string: not counted
            actor.Tell("three");
        });
        EventFilter.DeadLetter<int>(i => i == 42).Expect(1, () =>
        {
            actor.Tell(41);
            actor.Tell(42);
        });
    }

    [Fact]
    public void EventFilter_DeadLetter_fails_when_the_count_is_wrong()
    {
        var actor = StoppedActor();

        Assert.ThrowsAny<Exception>(() => EventFilter.DeadLetter<string>().Expect(2, () => actor.Tell("only one"), TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public void A_full_bounded_mailbox_sends_the_overflow_to_dead_letters()
    {
        using var gate = new Gate();
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Echo(probe)).WithBoundedMailbox(3), "bounded");
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));
        actor.Tell(new Block(gate, TestActor));
        ExpectMsg("blocked"); // the actor has taken the Block message: the mailbox is empty

        for (var i = 1; i <= 5; i++) actor.Tell(i);

        Assert.Equal(4, deadLetters.ExpectMsg<DeadLetter>().Message);
        Assert.Equal(5, deadLetters.ExpectMsg<DeadLetter>().Message);
        gate.Open();
        probe.ExpectMsgs(1, 2, 3);
        actor.Tell(6); // room again
        probe.ExpectMsg(6);
        Assert.False(deadLetters.HasMessages);
    }

    [Fact]
    public void A_message_to_a_selection_that_matches_nothing_is_a_dead_letter()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));

        Sys.ActorSelection("/user/nobody-here").Tell("hello?");

        Assert.Equal("hello?", deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void A_reply_to_a_message_sent_without_sender_is_a_dead_letter()
    {
        var replier = Sys.ActorOf(Props.Create(() => new Replier()), "replier");
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));

        replier.Tell("question", ActorRefs.NoSender);

        var letter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal("answer", letter.Message);
        Assert.Equal(replier, letter.Sender);
    }

    [Fact]
    public void Unsubscribed_probes_no_longer_get_dead_letters()
    {
        var actor = StoppedActor();
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));
        actor.Tell("seen");
        deadLetters.ExpectMsg<DeadLetter>();

        Assert.True(Sys.EventStream.Unsubscribe(deadLetters, typeof(DeadLetter)));
        actor.Tell("unseen");

        Assert.False(deadLetters.HasMessages); // publishing is synchronous
    }

    private sealed class Replier : ReceiveActor
    {
        public Replier() => Receive<string>(_ => Sender.Tell("answer", Self));
    }
}

/// <summary>A mailbox configured by id (<c>serenity.actor.mailboxes.bounded-mailbox</c>) takes its capacity from config.</summary>
public sealed class ConfiguredMailboxTests() : TestKit.TestKit("serenity.actor.mailboxes.bounded-mailbox.mailbox-capacity = 2")
{
    private sealed class Blocker : ReceiveActor
    {
        public Blocker(IActorRef probe)
        {
            Receive<Block>(b =>
            {
                b.ReportTo.Tell("blocked", Self);
                b.Gate.Block();
            });
            ReceiveAny(m => probe.Tell(m, Self));
        }
    }

    [Fact]
    public void WithMailbox_uses_the_configured_capacity()
    {
        using var gate = new Gate();
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(probe)).WithMailbox("bounded-mailbox"), "configured");
        actor.Tell(new Block(gate, TestActor));
        ExpectMsg("blocked");

        EventFilter.DeadLetter<int>().Expect(3, () =>
        {
            for (var i = 1; i <= 5; i++) actor.Tell(i);
        });

        gate.Open();
        probe.ExpectMsgs(1, 2);
        probe.ExpectNoMsg();
    }

    [Fact]
    public void An_unknown_mailbox_id_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create(() => new Blocker(TestActor)).WithMailbox("no-such-mailbox")));
    }
}
