using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>Stash: order on unstash, misuse, and what happens to stashed messages on restart and stop.</summary>
public sealed class StashTests : TestKit.TestKit
{
    /// <summary>Stashes every string until "open", then reports everything it gets.</summary>
    private sealed class Gatekeeper : ReceiveActor, IWithStash
    {
        public Gatekeeper(IActorRef probe)
        {
            Receive<string>(s =>
            {
                if (s == "open")
                {
                    Become(() => ReceiveAny(m => probe.Tell(m, Sender))); // passes the sender on, so tests can check it
                    Stash.UnstashAll();
                }
                else
                {
                    Stash.Stash();
                }
            });
            Receive<string[]>(_ => Sender.Tell(Stash.Count, Self));
        }

        public IStash Stash { get; set; } = null!;
    }

    /// <summary>The first instance stashes strings and fails on Boom; later instances report everything with their number.</summary>
    private sealed class RestartingStasher : ReceiveActor, IWithStash
    {
        public RestartingStasher(IActorRef probe, Incarnations incarnations)
        {
            var id = incarnations.Next();
            if (id == 1)
            {
                Receive<string>(_ => Stash.Stash());
                Receive<Boom>(b => throw new TestException(b.Reason));
            }
            else
            {
                ReceiveAny(m => probe.Tell($"{id}:{m}", Self));
            }
        }

        public IStash Stash { get; set; } = null!;
    }

    /// <summary>Stashes the current message twice.</summary>
    private sealed class DoubleStasher : ReceiveActor, IWithStash
    {
        public DoubleStasher(IActorRef probe) => ReceiveAny(_ =>
        {
            Stash.Stash();
            try
            {
                Stash.Stash();
                probe.Tell("stashed twice", Self);
            }
            catch (IllegalActorStateException)
            {
                probe.Tell("refused", Self);
            }
        });

        public IStash Stash { get; set; } = null!;
    }

    /// <summary>Unstashes on <see cref="Release"/> and reports the next <c>Count</c> numbers; stashes the others.</summary>
    private sealed record Release(int Count, bool EvensOnly);

    private sealed class Releaser : ReceiveActor, IWithStash
    {
        private int _pass;

        public Releaser(IActorRef probe)
        {
            Receive<Release>(r =>
            {
                _pass = r.Count;
                if (r.EvensOnly) Stash.UnstashAll(e => e.Message is int i && i % 2 == 0);
                else Stash.Unstash();
            });
            Receive<string>(_ => probe.Tell(Stash.Count, Self));
            Receive<int>(i =>
            {
                if (_pass > 0)
                {
                    _pass--;
                    probe.Tell(i, Self);
                }
                else
                {
                    Stash.Stash();
                }
            });
        }

        public IStash Stash { get; set; } = null!;
    }

    [Fact]
    public void UnstashAll_puts_the_stashed_messages_back_in_order_before_later_ones()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper(TestActor)), "gatekeeper");

        actor.Tell("A");
        actor.Tell("B");
        actor.Tell("C");
        actor.Tell("open");
        actor.Tell("D");

        ExpectMsg("A");
        ExpectMsg("B");
        ExpectMsg("C");
        ExpectMsg("D");
    }

    [Fact]
    public void Unstashed_messages_keep_their_original_sender()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper(TestActor)), "gatekeeper");
        var sender = CreateTestProbe("original");

        actor.Tell("A", sender);
        actor.Tell("open");

        ExpectMsg("A");
        Assert.Equal(sender, LastSender);
    }

    [Fact]
    public void Equal_messages_sent_separately_can_each_be_stashed()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper(TestActor)), "gatekeeper");
        const string tick = "tick"; // one interned instance, as singleton messages are

        actor.Tell(tick);
        actor.Tell(tick);
        actor.Tell(tick);
        actor.Tell("open");

        ExpectMsg(tick);
        ExpectMsg(tick);
        ExpectMsg(tick);
        ExpectNoMsg();
    }

    [Fact]
    public void Stashing_the_same_message_twice_throws_IllegalActorStateException()
    {
        var actor = Sys.ActorOf(Props.Create(() => new DoubleStasher(TestActor)), "double");

        actor.Tell("once");

        ExpectMsg("refused");
    }

    [Fact]
    public void A_restart_returns_the_stash_to_the_front_of_the_mailbox()
    {
        var incarnations = new Incarnations();
        var actor = Sys.ActorOf(Props.Create(() => new RestartingStasher(TestActor, incarnations)), "stasher");

        actor.Tell("A");
        actor.Tell("B");
        actor.Tell(new Boom("restart"));
        actor.Tell("C");

        ExpectMsg("2:A");
        ExpectMsg("2:B");
        ExpectMsg("2:C");
        ExpectNoMsg();
    }

    [Fact]
    public void Stashed_messages_become_dead_letters_when_the_actor_stops()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gatekeeper(TestActor)), "gatekeeper");
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));
        actor.Tell("A");
        actor.Tell("B");
        actor.Tell(Array.Empty<string>()); // asks for the stash size: both are stashed by then
        ExpectMsg(2);

        Sys.Stop(actor);

        Assert.Equal("A", deadLetters.ExpectMsg<DeadLetter>().Message);
        Assert.Equal("B", deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void Unstash_returns_only_the_oldest_message_and_a_predicate_selects_which_come_back()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Releaser(TestActor)), "releaser");
        foreach (var i in new[] { 1, 2, 3, 4, 5, 6 }) actor.Tell(i);

        actor.Tell(new Release(1, EvensOnly: false));
        ExpectMsg(1);
        actor.Tell(new Release(2, EvensOnly: true));
        ExpectMsg(2);
        ExpectMsg(4);
        actor.Tell(new Release(1, EvensOnly: true));
        ExpectMsg(6);
        actor.Tell("count");
        ExpectMsg(2); // 3 and 5 are still stashed
    }
}
