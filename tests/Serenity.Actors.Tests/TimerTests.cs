using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>
/// Actor timers, the system scheduler and receive timeouts, all on the TestKit's virtual clock. A timer
/// fires inside <c>Advance</c>, which enqueues its message before returning; a Ping sent afterwards is
/// therefore answered after any timer message, so "Pong first" proves nothing fired.
/// </summary>
public sealed class TimerTests : TestKit.TestKit
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    private sealed record StartSingle(string Key, object Message, TimeSpan Delay);

    private sealed record StartPeriodic(string Key, object Message, TimeSpan Interval, TimeSpan? InitialDelay = null);

    private sealed record CancelTimer(string Key);

    private sealed record IsActive(string Key);

    /// <summary>Blocks on the gate, then runs <c>Then</c> as if it had been received.</summary>
    private sealed record BlockThen(Gate Gate, object Then);

    /// <summary>Runs timer commands (answering "ok"), answers Ping, fails on Boom, and reports anything else (the timers' messages).</summary>
    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public TimerActor(IActorRef probe)
        {
            Receive<BlockThen>(b =>
            {
                b.Gate.Block();
                Command(b.Then);
            });
            Receive<IsActive>(a => Sender.Tell(Timers.IsTimerActive(a.Key), Self));
            Receive<Ping>(p => Sender.Tell(new Pong(p.Id), Self));
            Receive<Boom>(b => throw new TestException(b.Reason));
            ReceiveAny(m =>
            {
                if (Command(m)) Sender.Tell("ok", Self);
                else probe.Tell(m, Self);
            });
        }

        public ITimerScheduler Timers { get; set; } = null!;

        private bool Command(object m)
        {
            switch (m)
            {
                case StartSingle s:
                    Timers.StartSingleTimer(s.Key, s.Message, s.Delay);
                    return true;
                case StartPeriodic p when p.InitialDelay is { } initial:
                    Timers.StartPeriodicTimer(p.Key, p.Message, initial, p.Interval);
                    return true;
                case StartPeriodic p:
                    Timers.StartPeriodicTimer(p.Key, p.Message, p.Interval);
                    return true;
                case CancelTimer c:
                    Timers.Cancel(c.Key);
                    return true;
                default:
                    return false;
            }
        }
    }

    private readonly TestProbe _ticks;
    private readonly IActorRef _actor;
    private int _pings;

    public TimerTests()
    {
        _ticks = CreateTestProbe("ticks");
        _actor = Sys.ActorOf(Props.Create(() => new TimerActor(_ticks)), "timers");
    }

    private void Command(object command)
    {
        _actor.Tell(command, TestActor);
        ExpectMsg("ok");
    }

    /// <summary>Expects exactly <paramref name="ticks"/> (in order), then the Pong proving nothing else was queued.</summary>
    private void ExpectTicksThenNothing(params string[] ticks)
    {
        var id = ++_pings;
        _actor.Tell(new Ping(id), _ticks);
        foreach (var t in ticks) _ticks.ExpectMsg(t);
        _ticks.ExpectMsg(new Pong(id));
    }

    [Fact]
    public void A_single_timer_fires_once_when_its_delay_has_passed_and_not_before()
    {
        Command(new StartSingle("k", "tick", TimeSpan.FromSeconds(1)));

        Advance(999 * Ms);
        ExpectTicksThenNothing();
        Advance(Ms);
        ExpectTicksThenNothing("tick");
        Advance(TimeSpan.FromMinutes(1));
        ExpectTicksThenNothing();
        _actor.Tell(new IsActive("k"), TestActor);
        ExpectMsg(false);
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_interval()
    {
        Command(new StartPeriodic("k", "tick", TimeSpan.FromMilliseconds(100)));

        Advance(50 * Ms);
        ExpectTicksThenNothing();
        Advance(450 * Ms);
        ExpectTicksThenNothing("tick", "tick", "tick", "tick", "tick");
        Advance(100 * Ms);
        ExpectTicksThenNothing("tick");
        _actor.Tell(new IsActive("k"), TestActor);
        ExpectMsg(true);
    }

    [Fact]
    public void A_periodic_timer_with_an_initial_delay_starts_after_it()
    {
        Command(new StartPeriodic("k", "tick", TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)));

        Advance(999 * Ms);
        ExpectTicksThenNothing();
        Advance(Ms);
        ExpectTicksThenNothing("tick");
        Advance(200 * Ms);
        ExpectTicksThenNothing("tick", "tick");
    }

    [Fact]
    public void A_cancelled_timer_never_delivers()
    {
        Command(new StartSingle("single", "single-tick", TimeSpan.FromSeconds(1)));
        Command(new StartPeriodic("periodic", "periodic-tick", TimeSpan.FromMilliseconds(100)));
        Advance(100 * Ms);
        ExpectTicksThenNothing("periodic-tick");

        Command(new CancelTimer("single"));
        Command(new CancelTimer("periodic"));
        Advance(TimeSpan.FromSeconds(5));

        ExpectTicksThenNothing();
        _actor.Tell(new IsActive("single"), TestActor);
        ExpectMsg(false);
    }

    [Fact]
    public void Cancel_drops_a_timer_message_that_is_already_in_the_mailbox()
    {
        using var gate = new Gate();
        Command(new StartSingle("k", "tick", TimeSpan.FromSeconds(1)));

        _actor.Tell(new BlockThen(gate, new CancelTimer("k")), TestActor);
        Advance(TimeSpan.FromSeconds(1)); // the timer's message is now queued behind the blocked handler
        gate.Open();

        ExpectTicksThenNothing();
    }

    [Fact]
    public void Starting_a_timer_with_the_same_key_replaces_the_old_one()
    {
        Command(new StartSingle("k", "old", TimeSpan.FromSeconds(1)));
        Command(new StartSingle("k", "new", TimeSpan.FromSeconds(2)));

        Advance(TimeSpan.FromSeconds(1));
        ExpectTicksThenNothing();
        Advance(TimeSpan.FromSeconds(1));
        ExpectTicksThenNothing("new");
        Advance(TimeSpan.FromSeconds(10));
        ExpectTicksThenNothing();
    }

    [Fact]
    public void A_replaced_timer_message_already_in_the_mailbox_is_never_delivered()
    {
        using var gate = new Gate();
        Command(new StartSingle("k", "old", TimeSpan.FromSeconds(1)));

        _actor.Tell(new BlockThen(gate, new StartSingle("k", "new", TimeSpan.FromSeconds(1))), TestActor);
        Advance(TimeSpan.FromSeconds(1)); // "old" is queued behind the handler that replaces its timer
        gate.Open();

        ExpectTicksThenNothing();
        Advance(TimeSpan.FromSeconds(1));
        ExpectTicksThenNothing("new");
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_stops()
    {
        Command(new StartPeriodic("k", "tick", TimeSpan.FromMilliseconds(100)));
        Watch(_actor);
        Sys.Stop(_actor);
        ExpectTerminated(_actor);
        var deadLetters = Sys.DeadLetterCount;

        Advance(TimeSpan.FromSeconds(1)); // a live timer would tell the dead actor: a dead letter each time

        Assert.Equal(deadLetters, Sys.DeadLetterCount);
        Assert.False(_ticks.HasMessages);
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_restarts()
    {
        Command(new StartPeriodic("k", "tick", TimeSpan.FromMilliseconds(100)));
        _actor.Tell(new Boom("restart"));
        ExpectTicksThenNothing(); // processed by the new instance

        Advance(TimeSpan.FromSeconds(1));

        ExpectTicksThenNothing();
    }

    [Fact]
    public void ScheduleTellOnce_delivers_once_after_the_delay()
    {
        var probe = CreateTestProbe();
        var sender = CreateTestProbe("scheduled-sender");

        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), probe, "once", sender);

        Advance(999 * Ms);
        Assert.False(probe.HasMessages); // a probe records synchronously: nothing was told
        Advance(Ms);
        probe.ExpectMsg("once");
        Assert.Equal(sender, probe.LastSender);
        Advance(TimeSpan.FromMinutes(1));
        Assert.False(probe.HasMessages);
    }

    [Fact]
    public void ScheduleTellRepeatedly_delivers_every_interval_until_cancelled()
    {
        var probe = CreateTestProbe();

        var cancelable = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500), probe, "again", null);

        Advance(999 * Ms);
        Assert.False(probe.HasMessages);
        Advance(Ms);
        probe.ExpectMsg("again");
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, probe.MessageCount);
        probe.ReceiveN(2);

        cancelable.Cancel();
        Assert.True(cancelable.IsCancellationRequested);
        Advance(TimeSpan.FromSeconds(10));
        Assert.False(probe.HasMessages);
    }

    [Fact]
    public void A_scheduled_tell_cancelled_before_it_is_due_never_arrives()
    {
        var probe = CreateTestProbe();

        var cancelable = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), probe, "never", null);
        cancelable.Cancel();
        cancelable.Cancel(); // idempotent

        Advance(TimeSpan.FromSeconds(2));
        Assert.False(probe.HasMessages);
    }

    [Fact]
    public void ScheduleOnce_runs_the_action_when_due()
    {
        var runs = 0;

        Sys.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(3), () => Interlocked.Increment(ref runs));

        Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, Volatile.Read(ref runs));
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Volatile.Read(ref runs));
        Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Fact]
    public void The_scheduler_runs_on_the_systems_virtual_clock()
    {
        var start = Sys.Scheduler.Now;

        Advance(TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromHours(1), Sys.Scheduler.Now - start);
        Assert.Equal(Sys.Clock.GetUtcNow(), Sys.Scheduler.Now);
    }
}

/// <summary>Receive timeout: after the idle period, and never while messages keep arriving.</summary>
public sealed class ReceiveTimeoutTests : TestKit.TestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private sealed class Idler : ReceiveActor
    {
        public Idler(IActorRef probe)
        {
            Context.SetReceiveTimeout(Timeout);
            Receive<ReceiveTimeout>(_ => probe.Tell("timeout", Self));
            Receive<Ping>(p => Sender.Tell(new Pong(p.Id), Self));
            Receive<string>(s => s == "off", _ =>
            {
                Context.SetReceiveTimeout(null);
                Sender.Tell(Context.ReceiveTimeout?.ToString() ?? "none", Self);
            });
            Receive<string>(s => Sender.Tell("done:" + s, Self));
        }
    }

    private readonly TestProbe _probe;
    private readonly IActorRef _idler;
    private int _pings;

    public ReceiveTimeoutTests()
    {
        _probe = CreateTestProbe();
        _idler = Sys.ActorOf(Props.Create(() => new Idler(_probe)), "idler");
        Sync(); // the actor has started (and armed its timeout) before virtual time moves
    }

    /// <summary>Pings (which does not count as activity) and returns what arrived before the Pong.</summary>
    private List<object> Sync()
    {
        var id = ++_pings;
        _idler.Tell(new Ping(id), _probe);
        var before = new List<object>();
        while (true)
        {
            var m = _probe.ExpectMsg<object>();
            if (m is Pong p && p.Id == id) return before;
            before.Add(m);
        }
    }

    private List<object> AdvanceAndSync(TimeSpan by)
    {
        Advance(by);
        return Sync();
    }

    [Fact]
    public void ReceiveTimeout_arrives_after_the_idle_period_and_not_before()
    {
        Assert.Empty(AdvanceAndSync(Timeout - TimeSpan.FromMilliseconds(1)));
        Assert.Equal(["timeout"], AdvanceAndSync(TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void ReceiveTimeout_repeats_for_each_further_idle_period()
    {
        Assert.Equal(["timeout"], AdvanceAndSync(Timeout));
        Assert.Empty(AdvanceAndSync(Timeout / 2));
        Assert.Equal(["timeout"], AdvanceAndSync(Timeout / 2));
    }

    [Fact]
    public void Messages_arriving_within_the_timeout_keep_it_from_firing()
    {
        for (var i = 0; i < 6; i++)
        {
            Assert.Empty(AdvanceAndSync(TimeSpan.FromMilliseconds(600)));
            _idler.Tell("work-" + i, _probe);
            _probe.ExpectMsg("done:work-" + i);
        }

        Assert.Empty(AdvanceAndSync(TimeSpan.FromMilliseconds(600)));
        Assert.Equal(["timeout"], AdvanceAndSync(TimeSpan.FromMilliseconds(400)));
    }

    [Fact]
    public void SetReceiveTimeout_null_turns_it_off()
    {
        _idler.Tell("off", _probe);
        _probe.ExpectMsg("none");

        Assert.Empty(AdvanceAndSync(TimeSpan.FromMinutes(5)));
    }
}
