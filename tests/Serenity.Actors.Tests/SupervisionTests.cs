using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>Supervisor strategies and directives, restart limits, the default strategy, and failures in async handlers.</summary>
public sealed class SupervisionTests : TestKit.TestKit
{
    private IActorRef SupervisorWith(SupervisorStrategy strategy, string name = "parent") =>
        Sys.ActorOf(Props.Create<Parent>().WithSupervisorStrategy(strategy), name);

    private IActorRef ChildOf(IActorRef parent, Props props, string name)
    {
        parent.Tell(new CreateChild(props, name), TestActor);
        return ExpectMsg<IActorRef>();
    }

    private static void ExpectStart(TestProbe events, int id) => events.ExpectMsgs($"ctor{id}", $"preStart{id}");

    private static void ExpectRestart(TestProbe events, int from, string reason, object? message) =>
        events.ExpectMsgs(
            $"preRestart{from}:{reason}:{message}",
            $"postStop{from}",
            $"ctor{from + 1}",
            $"postRestart{from + 1}:{reason}",
            $"preStart{from + 1}");

    [Fact]
    public void Resume_keeps_the_same_instance_and_its_state()
    {
        var events = CreateTestProbe();
        var parent = SupervisorWith(new OneForOneStrategy(_ => Directive.Resume));
        var child = ChildOf(parent, LifecycleActor.Props(events), "child");
        ExpectStart(events, 1);

        child.Tell("inc");
        child.Tell("inc");
        child.Tell(new Boom("resume me"));
        child.Tell("inc");
        child.Tell("get");

        ExpectMsg(3);
        child.Tell("still-here");
        events.ExpectMsg("1:still-here"); // no restart hook ran in between
    }

    [Fact]
    public void Restart_makes_a_new_instance_with_fresh_state_and_runs_the_hooks_in_order()
    {
        var events = CreateTestProbe();
        var parent = SupervisorWith(new OneForOneStrategy(_ => Directive.Restart));
        var child = ChildOf(parent, LifecycleActor.Props(events), "child");
        ExpectStart(events, 1);

        child.Tell("inc");
        child.Tell(new Boom("bad"));

        // PreRestart (which by default calls PostStop) on the old instance, then the new one's
        // constructor, PostRestart (which by default calls PreStart).
        ExpectRestart(events, 1, "bad", new Boom("bad"));
        child.Tell("get");
        ExpectMsg(0);
    }

    [Fact]
    public void Restart_drops_the_failing_message_and_the_new_instance_processes_the_rest_of_the_mailbox()
    {
        using var gate = new Gate();
        var events = CreateTestProbe();
        var parent = SupervisorWith(new OneForOneStrategy(_ => Directive.Restart));
        var child = ChildOf(parent, LifecycleActor.Props(events), "child");
        ExpectStart(events, 1);

        // Everything is queued behind the blocked actor before the failure happens.
        child.Tell(new Block(gate, TestActor));
        child.Tell(new Boom("bad"));
        child.Tell("m1");
        child.Tell("m2");
        child.Tell("m3");
        ExpectMsg("blocked");
        gate.Open();

        ExpectRestart(events, 1, "bad", new Boom("bad"));
        events.ExpectMsgs("2:m1", "2:m2", "2:m3");
        events.ExpectNoMsg(); // the failing message was not retried
    }

    [Fact]
    public void Stop_terminates_the_failed_child_only_and_notifies_its_watchers()
    {
        var events = CreateTestProbe();
        var otherEvents = CreateTestProbe();
        var parent = SupervisorWith(new OneForOneStrategy(_ => Directive.Stop));
        var child = ChildOf(parent, LifecycleActor.Props(events), "child");
        var sibling = ChildOf(parent, LifecycleActor.Props(otherEvents), "sibling");
        ExpectStart(events, 1);
        Watch(child);

        child.Tell(new Boom("fatal"));

        events.ExpectMsg("postStop1");
        ExpectTerminated(child);
        events.ExpectNoMsg();
        sibling.Tell("get");
        ExpectMsg(0);
    }

    [Fact]
    public void Escalate_fails_the_parent_with_the_original_exception_so_the_grandparent_decides()
    {
        var decisions = CreateTestProbe();
        var grandparent = SupervisorWith(new OneForOneStrategy(e =>
        {
            decisions.Tell(e, ActorRefs.NoSender);
            return Directive.Stop;
        }), "grandparent");
        var middle = ChildOf(grandparent, Props.Create<Parent>().WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Escalate)), "middle");
        var events = CreateTestProbe();
        var child = ChildOf(middle, LifecycleActor.Props(events), "child");
        ExpectStart(events, 1);
        Watch(middle);
        Watch(child);

        child.Tell(new Boom("deep"));

        var seen = decisions.ExpectMsg<Exception>();
        Assert.IsType<TestException>(seen);
        Assert.Equal("deep", seen.Message);
        var terminated = new[] { ExpectMsg<Terminated>().ActorRef, ExpectMsg<Terminated>().ActorRef };
        Assert.Contains(middle, terminated);
        Assert.Contains(child, terminated);
        events.ExpectMsg("postStop1");
    }

    [Fact]
    public void An_escalated_restart_of_the_parent_stops_and_recreates_its_children()
    {
        var grandparent = SupervisorWith(new OneForOneStrategy(_ => Directive.Restart), "grandparent");
        var events = CreateTestProbe();
        var parentEvents = CreateTestProbe();
        var childProps = LifecycleActor.Props(events);
        var middle = ChildOf(grandparent, Props.Create(() => new RecreatingParent(childProps, parentEvents)), "middle");
        parentEvents.ExpectMsg("parent-started");
        ExpectStart(events, 1);

        middle.Tell("fail-child");

        // The parent escalates, is restarted: the default PreRestart stops the old child, and the new
        // parent instance creates a child under the same name.
        events.ExpectMsg("postStop1");
        parentEvents.ExpectMsg("parent-started");
        ExpectStart(events, 2);
    }

    [Fact]
    public void More_restarts_than_maxNrOfRetries_within_the_window_stop_the_child()
    {
        var events = CreateTestProbe();
        var parent = SupervisorWith(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart));
        var child = ChildOf(parent, LifecycleActor.Props(events), "child");
        Watch(child);

        child.Tell(new Boom("1"));
        events.FishForMessage<string>(s => s == "preStart2");
        child.Tell(new Boom("2"));
        events.FishForMessage<string>(s => s == "preStart3");
        child.Tell(new Boom("3"));

        ExpectTerminated(child);
        events.FishForMessage<string>(s => s == "postStop3");
        events.ExpectNoMsg();
    }

    [Fact]
    public void The_retry_count_starts_again_once_virtual_time_moves_past_the_window()
    {
        var events = CreateTestProbe();
        var parent = SupervisorWith(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart));
        var child = ChildOf(parent, LifecycleActor.Props(events), "child");
        Watch(child);

        child.Tell(new Boom("1"));
        events.FishForMessage<string>(s => s == "preStart2");
        child.Tell(new Boom("2"));
        events.FishForMessage<string>(s => s == "preStart3");

        Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        child.Tell(new Boom("3"));
        events.FishForMessage<string>(s => s == "preStart4"); // a new window: restarted, not stopped
        child.Tell(new Boom("4"));
        events.FishForMessage<string>(s => s == "preStart5");
        child.Tell(new Boom("5"));
        ExpectTerminated(child);
    }

    [Fact]
    public void MaxNrOfRetries_zero_stops_at_the_first_failure()
    {
        var events = CreateTestProbe();
        var parent = SupervisorWith(new OneForOneStrategy(0, null, _ => Directive.Restart));
        var child = ChildOf(parent, LifecycleActor.Props(events), "child");
        ExpectStart(events, 1);
        Watch(child);

        child.Tell(new Boom("once"));

        ExpectTerminated(child);
        events.ExpectMsg("postStop1");
        events.ExpectNoMsg();
    }

    [Theory]
    [InlineData(typeof(TestException), Directive.Restart)]
    [InlineData(typeof(InvalidOperationException), Directive.Restart)]
    [InlineData(typeof(ActorInitializationException), Directive.Stop)]
    [InlineData(typeof(ActorKilledException), Directive.Stop)]
    [InlineData(typeof(DeathPactException), Directive.Stop)]
    public void The_default_decider_stops_on_kernel_failures_and_restarts_on_everything_else(Type exceptionType, Directive expected)
    {
        Exception e = exceptionType.Name switch
        {
            nameof(ActorInitializationException) => new ActorInitializationException(null, "init"),
            nameof(ActorKilledException) => new ActorKilledException("kill"),
            nameof(DeathPactException) => new DeathPactException(ActorRefs.Nobody),
            nameof(InvalidOperationException) => new InvalidOperationException(),
            _ => new TestException("x"),
        };

        Assert.Equal(expected, SupervisorStrategy.DefaultStrategy.Decider(e));
    }

    [Fact]
    public void By_default_a_failing_top_level_actor_is_restarted()
    {
        var events = CreateTestProbe();
        var actor = Sys.ActorOf(LifecycleActor.Props(events), "top");
        ExpectStart(events, 1);

        actor.Tell("inc");
        actor.Tell(new Boom("oops"));

        ExpectRestart(events, 1, "oops", new Boom("oops"));
        actor.Tell("get");
        ExpectMsg(0);
    }

    [Fact]
    public void By_default_an_actor_whose_constructor_throws_is_stopped_not_restarted()
    {
        var events = CreateTestProbe();

        var actor = EventFilter.Error<ActorInitializationException>().Expect(1, () =>
            Sys.ActorOf(Props.Create(() => new ThrowingConstructor(events)), "broken"));

        Watch(actor);
        ExpectTerminated(actor);
        events.ExpectMsg("ctor");
        events.ExpectNoMsg(); // not constructed a second time
    }

    [Fact]
    public void By_default_an_actor_whose_PreStart_throws_is_stopped()
    {
        var actor = EventFilter.Error<ActorInitializationException>().Expect(1, () =>
            Sys.ActorOf(Props.Create(() => new ThrowingPreStart()), "broken"));

        Watch(actor);
        ExpectTerminated(actor);
    }

    [Fact]
    public void Kill_fails_the_actor_with_ActorKilledException_and_the_default_strategy_stops_it()
    {
        var events = CreateTestProbe();
        var actor = Sys.ActorOf(LifecycleActor.Props(events), "victim");
        ExpectStart(events, 1);
        Watch(actor);

        EventFilter.Error<ActorKilledException>().Expect(1, () => actor.Tell(Kill.Instance));

        ExpectTerminated(actor);
        events.ExpectMsg("postStop1");
        events.ExpectNoMsg();
    }

    [Fact]
    public void A_failure_after_an_await_in_ReceiveAsync_is_supervised_like_a_synchronous_one()
    {
        var decisions = CreateTestProbe();
        var parent = SupervisorWith(new OneForOneStrategy(e =>
        {
            decisions.Tell(e, ActorRefs.NoSender);
            return Directive.Restart;
        }));
        var events = CreateTestProbe();
        var incarnations = new Incarnations();
        var child = ChildOf(parent, Props.Create(() => new AsyncFailer(events, incarnations)), "async");
        events.ExpectMsg("started1");

        child.Tell("inc");
        child.Tell(new Boom("after await"));
        child.Tell("get");

        var seen = decisions.ExpectMsg<Exception>();
        Assert.IsType<TestException>(seen); // the original exception, not an AggregateException
        Assert.Equal("after await", seen.Message);
        events.ExpectMsg($"preRestart1:after await:{new Boom("after await")}");
        events.ExpectMsg("started2");
        ExpectMsg(0); // "get" was kept and answered by the new instance
    }

    [Fact]
    public void AllForOne_restart_restarts_every_sibling_too()
    {
        var parent = SupervisorWith(new AllForOneStrategy(_ => Directive.Restart));
        var failingEvents = CreateTestProbe();
        var siblingEvents = CreateTestProbe();
        var failing = ChildOf(parent, LifecycleActor.Props(failingEvents), "failing");
        var sibling = ChildOf(parent, LifecycleActor.Props(siblingEvents), "sibling");
        ExpectStart(failingEvents, 1);
        ExpectStart(siblingEvents, 1);
        sibling.Tell("inc");
        sibling.Tell("inc");
        sibling.Tell("get");
        ExpectMsg(2); // both incs processed: one still in the mailbox at the restart would count in the new instance

        failing.Tell(new Boom("one for all"));

        ExpectRestart(failingEvents, 1, "one for all", new Boom("one for all"));
        ExpectRestart(siblingEvents, 1, "one for all", null); // the sibling was processing nothing
        sibling.Tell("get");
        ExpectMsg(0);
    }

    [Fact]
    public void AllForOne_stop_stops_every_sibling()
    {
        var parent = SupervisorWith(new AllForOneStrategy(_ => Directive.Stop));
        var a = ChildOf(parent, LifecycleActor.Props(CreateTestProbe()), "a");
        var b = ChildOf(parent, LifecycleActor.Props(CreateTestProbe()), "b");
        Watch(a);
        Watch(b);

        a.Tell(new Boom("all stop"));

        var terminated = new[] { ExpectMsg<Terminated>().ActorRef, ExpectMsg<Terminated>().ActorRef };
        Assert.Contains(a, terminated);
        Assert.Contains(b, terminated);
    }

    [Fact]
    public void Restarting_a_parent_stops_its_old_children_before_the_new_instance_recreates_them()
    {
        var events = CreateTestProbe();
        var parentEvents = CreateTestProbe();
        var childProps = LifecycleActor.Props(events); // one incarnation counter for every child instance
        var parent = Sys.ActorOf(Props.Create(() => new RecreatingParent(childProps, parentEvents)), "parent");
        parentEvents.ExpectMsg("parent-started");
        ExpectStart(events, 1);

        parent.Tell(new Boom("parent fails"));

        events.ExpectMsg("postStop1");
        parentEvents.ExpectMsg("parent-started");
        ExpectStart(events, 2); // same child name, no InvalidActorNameException
    }

    private sealed class ThrowingConstructor : ReceiveActor
    {
        public ThrowingConstructor(IActorRef events)
        {
            events.Tell("ctor", ActorRefs.NoSender);
            throw new TestException("cannot construct");
        }
    }

    private sealed class ThrowingPreStart : ReceiveActor
    {
        protected override void PreStart() => throw new TestException("cannot start");
    }

    /// <summary>Creates a child named "child" in its constructor; "fail-child" makes that child fail and escalate.</summary>
    private sealed class RecreatingParent : ReceiveActor
    {
        public RecreatingParent(Props childProps, IActorRef events)
        {
            var child = Context.ActorOf(childProps, "child");
            events.Tell("parent-started", ActorRefs.NoSender);
            Receive<string>(s => s == "fail-child", _ => child.Tell(new Boom("child fails"), Self));
            Receive<Boom>(b => throw new TestException(b.Reason));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Escalate);
    }

    private sealed class AsyncFailer : ReceiveActor
    {
        private readonly IActorRef _events;
        private int _counter;

        public AsyncFailer(IActorRef events, Incarnations incarnations)
        {
            _events = events;
            var id = incarnations.Next();
            events.Tell($"started{id}", ActorRefs.NoSender);
            Receive<string>(s => s == "inc", _ => _counter++);
            Receive<string>(s => s == "get", _ => Sender.Tell(_counter, Self));
            ReceiveAsync<Boom>(async b =>
            {
                await Task.Yield();
                throw new TestException(b.Reason);
            });
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            _events.Tell($"preRestart1:{reason.Message}:{message}", ActorRefs.NoSender);
            base.PreRestart(reason, message);
        }
    }
}
