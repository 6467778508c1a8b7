using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>Watch, Unwatch and Terminated; death pacts; stopping order of a subtree; PoisonPill; name reuse.</summary>
public sealed class DeathWatchTests : TestKit.TestKit
{
    private sealed record WatchIt(IActorRef Target);

    private sealed record UnwatchIt(IActorRef Target);

    /// <summary>Blocks on the gate, then unwatches the target: a Terminated queued meanwhile must be dropped.</summary>
    private sealed record BlockThenUnwatch(Gate Gate, IActorRef Target);

    /// <summary>Watches what it is told to and reports every Terminated to <c>probe</c>.</summary>
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe)
        {
            Receive<WatchIt>(w =>
            {
                Context.Watch(w.Target);
                Sender.Tell("watching", Self);
            });
            Receive<UnwatchIt>(w =>
            {
                Context.Unwatch(w.Target);
                Sender.Tell("unwatched", Self);
            });
            Receive<BlockThenUnwatch>(b =>
            {
                b.Gate.Block();
                Context.Unwatch(b.Target);
            });
            Receive<Terminated>(t => probe.Tell(t, Self));
            Receive<Ping>(p => Sender.Tell(new Pong(p.Id), Self));
        }
    }

    /// <summary>Watches but does not handle Terminated: a death pact.</summary>
    private sealed class PactWatcher : ReceiveActor
    {
        public PactWatcher() => Receive<WatchIt>(w =>
        {
            Context.Watch(w.Target);
            Sender.Tell("watching", Self);
        });
    }

    /// <summary>Reports its PostStop under its name; creates the children it is given names for.</summary>
    private sealed class TreeNode : ReceiveActor
    {
        private readonly IActorRef _events;

        public TreeNode(IActorRef events, string[] children)
        {
            _events = events;
            foreach (var c in children) Context.ActorOf(Props.Create(() => new TreeNode(events, Array.Empty<string>())), c);
            Receive<string>(s => s == "children", _ => Sender.Tell(Context.Children.ToArray(), Self));
        }

        protected override void PostStop() => _events.Tell("postStop:" + Self.Path.Name, ActorRefs.NoSender);
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo(IActorRef probe) => ReceiveAny(m => probe.Tell(m, Self));
    }

    /// <summary>Stops its child and, on the child's Terminated, creates a new child under the same name.</summary>
    private sealed class Replacer : ReceiveActor
    {
        public Replacer(IActorRef probe)
        {
            var child = Context.Watch(Context.ActorOf(Props.Create(() => new Echo(probe)), "worker"));
            Receive<string>(s => s == "replace", _ => Context.Stop(child));
            Receive<Terminated>(_ =>
            {
                child = Context.Watch(Context.ActorOf(Props.Create(() => new Echo(probe)), "worker"));
                probe.Tell(child, Self);
            });
        }
    }

    private IActorRef NewEcho(string? name = null) => Sys.ActorOf(Props.Create(() => new Echo(CreateTestProbe())), name);

    [Fact]
    public void Stopping_a_watched_actor_delivers_Terminated_exactly_once()
    {
        var target = NewEcho("target");
        Watch(target);

        Sys.Stop(target);

        var t = ExpectTerminated(target);
        Assert.True(t.ExistenceConfirmed);
        Sys.Stop(target); // stopping again changes nothing
        ExpectNoMsg();
    }

    [Fact]
    public void Watching_an_actor_that_is_already_dead_delivers_Terminated()
    {
        var target = NewEcho("target");
        var first = CreateTestProbe();
        first.Watch(target);
        Sys.Stop(target);
        first.ExpectTerminated(target);

        Watch(target);
        ExpectTerminated(target);

        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)), "watcher");
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");
        Assert.Equal(target, ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void An_actor_watching_another_gets_Terminated_with_the_dead_ref_as_sender()
    {
        var target = NewEcho("target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)), "watcher");
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");

        target.Tell(PoisonPill.Instance);

        var t = ExpectMsg<Terminated>();
        Assert.Equal(target, t.ActorRef);
        Assert.Equal(watcher, LastSender);
        ExpectNoMsg();
    }

    [Fact]
    public void Unwatch_before_the_death_prevents_Terminated()
    {
        var target = NewEcho("target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)), "watcher");
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");
        watcher.Tell(new UnwatchIt(target), TestActor);
        ExpectMsg("unwatched");

        var confirm = CreateTestProbe();
        confirm.Watch(target);
        Sys.Stop(target);
        confirm.ExpectTerminated(target);

        // Two round trips: anything the watcher had queued by then arrives before the second Pong.
        watcher.Tell(new Ping(1), TestActor);
        ExpectMsg(new Pong(1));
        watcher.Tell(new Ping(2), TestActor);
        ExpectMsg(new Pong(2));
    }

    [Fact]
    public void Unwatch_drops_a_Terminated_that_is_already_queued()
    {
        using var gate = new Gate();
        var target = NewEcho("target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)), "watcher");
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");
        var confirm = CreateTestProbe();
        confirm.Watch(target); // registered after the watcher, so notified after it

        watcher.Tell(new BlockThenUnwatch(gate, target), TestActor);
        Sys.Stop(target);
        confirm.ExpectTerminated(target);
        gate.Open();

        watcher.Tell(new Ping(1), TestActor);
        ExpectMsg(new Pong(1));
        watcher.Tell(new Ping(2), TestActor);
        ExpectMsg(new Pong(2));
    }

    [Fact]
    public void A_probe_that_unwatches_gets_no_Terminated()
    {
        var target = NewEcho("target");
        Watch(target);
        Unwatch(target);
        var confirm = CreateTestProbe();
        confirm.Watch(target);

        Sys.Stop(target);

        confirm.ExpectTerminated(target);
        ExpectNoMsg();
    }

    [Fact]
    public void An_unhandled_Terminated_is_a_death_pact_that_stops_the_watcher()
    {
        var target = NewEcho("target");
        var watcher = Sys.ActorOf(Props.Create(() => new PactWatcher()), "pact");
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");
        Watch(watcher);
        Watch(target);

        EventFilter.Error<DeathPactException>().Expect(1, () => Sys.Stop(target));

        ExpectTerminated(target);
        ExpectTerminated(watcher);
    }

    [Fact]
    public void Stopping_a_parent_stops_its_children_first_and_every_watcher_is_told()
    {
        var events = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new TreeNode(events, new[] { "a", "b" })), "parent");
        parent.Tell("children", TestActor);
        var children = ExpectMsg<IActorRef[]>();
        Assert.Equal(2, children.Length);
        Watch(parent);
        foreach (var c in children) Watch(c);
        var otherWatcher = CreateTestProbe();
        otherWatcher.Watch(parent);

        Sys.Stop(parent);

        var stops = new[] { events.ExpectMsg<string>(), events.ExpectMsg<string>(), events.ExpectMsg<string>() };
        Assert.Equal("postStop:parent", stops[2]);
        Assert.Equal(new[] { "postStop:a", "postStop:b" }, stops[..2].Order());
        var terminated = Enumerable.Range(0, 3).Select(_ => ExpectMsg<Terminated>().ActorRef).ToList();
        Assert.Equal(parent, terminated[^1]); // the parent is gone only after its children
        Assert.Equal(children.ToHashSet(), terminated.Take(2).ToHashSet());
        otherWatcher.ExpectTerminated(parent);
    }

    [Fact]
    public void PoisonPill_stops_the_actor_after_the_messages_queued_before_it()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Echo(probe)), "echo");
        Watch(actor);
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters, typeof(DeadLetter));

        actor.Tell("m1");
        actor.Tell("m2");
        actor.Tell("m3");
        actor.Tell(PoisonPill.Instance);
        actor.Tell("after");

        probe.ExpectMsgs("m1", "m2", "m3");
        ExpectTerminated(actor);
        probe.ExpectNoMsg();
        Assert.Equal("after", deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void A_top_level_name_can_be_reused_as_soon_as_Terminated_is_observed()
    {
        for (var i = 0; i < 1000; i++)
        {
            var actor = Sys.ActorOf(Props.Create(() => new Echo(TestActor)), "reused");
            actor.Tell(i);
            ExpectMsg(i);
            Watch(actor);
            Sys.Stop(actor);
            ExpectTerminated(actor);
        }
    }

    [Fact]
    public void A_parent_can_recreate_a_child_under_the_same_name_when_it_gets_its_Terminated()
    {
        var replacer = Sys.ActorOf(Props.Create(() => new Replacer(TestActor)), "replacer");

        for (var i = 0; i < 10; i++)
        {
            replacer.Tell("replace");
            var replacement = ExpectMsg<IActorRef>();
            Assert.Equal("worker", replacement.Path.Name);
            replacement.Tell(i);
            ExpectMsg(i);
        }
    }

    [Fact]
    public void A_new_actor_under_a_reused_name_is_a_different_ref()
    {
        var first = NewEcho("same");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        var second = NewEcho("same");

        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first, second);
        Watch(second);
        ExpectNoMsg(); // the old incarnation's death says nothing about the new one
    }
}
