using Serenity.Actors;

namespace Serenity.TestKit.Tests;

public sealed class SchedulerTests : TestKit
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void The_system_runs_on_the_TestKit_clock()
    {
        Assert.Same(Clock, Sys.Clock);
        Assert.Same(Clock, Sys.Scheduler.Clock);
        Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(Clock.GetUtcNow(), Sys.Scheduler.Now);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 3, 0, TimeSpan.Zero), Sys.Scheduler.Now);
    }

    [Fact]
    public void ScheduleTellOnce_does_not_deliver_before_Advance_and_delivers_after()
    {
        var sender = CreateTestProbe("sender");
        Sys.Scheduler.ScheduleTellOnce(5 * Second, TestActor, "wake up", sender);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Advance(5 * Second - TimeSpan.FromTicks(1));
        ExpectNoMsg(TimeSpan.Zero);
        Advance(TimeSpan.FromTicks(1));
        ExpectMsg("wake up");
        Assert.Equal(sender.Ref, LastSender);
        Advance(TimeSpan.FromMinutes(1));
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void ScheduleTellOnce_to_an_actor_goes_through_its_mailbox()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        Sys.Scheduler.ScheduleTellOnce(Second, echo, "echoed", TestActor);
        Advance(Second);
        ExpectMsg("echoed");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void A_cancelled_ScheduleTellOnce_never_delivers()
    {
        var scheduled = Sys.Scheduler.ScheduleTellOnce(Second, TestActor, "never", null);
        scheduled.Cancel();
        scheduled.Cancel();
        Assert.True(scheduled.IsCancellationRequested);
        Advance(10 * Second);
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void ScheduleTellRepeatedly_delivers_once_per_interval_until_cancelled()
    {
        var scheduled = Sys.Scheduler.ScheduleTellRepeatedly(2 * Second, Second, TestActor, "tick", null);
        Advance(Second);
        ExpectNoMsg(TimeSpan.Zero);
        Advance(4 * Second); // t = 5 s: ticks at 2, 3, 4, 5
        Assert.Equal(["tick", "tick", "tick", "tick"], ReceiveN(4, TimeSpan.Zero));
        ExpectNoMsg(TimeSpan.Zero);

        scheduled.Cancel();
        Assert.True(scheduled.IsCancellationRequested);
        Advance(TimeSpan.FromMinutes(1));
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void ScheduleTellRepeatedly_rejects_an_interval_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sys.Scheduler.ScheduleTellRepeatedly(Second, TimeSpan.Zero, TestActor, "x", null));
    }

    [Fact]
    public void ScheduleOnce_runs_the_action_when_the_clock_reaches_it()
    {
        var ranAt = (DateTimeOffset?)null;
        Sys.Scheduler.ScheduleOnce(3 * Second, () => ranAt = Sys.Scheduler.Now);
        Advance(2 * Second);
        Assert.Null(ranAt);
        Advance(2 * Second);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 3, TimeSpan.Zero), ranAt);
    }

    [Fact]
    public void A_negative_delay_is_delivered_by_the_next_advance()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(-5), TestActor, "overdue", null);
        Advance(TimeSpan.Zero);
        ExpectMsg("overdue");
    }

    [Fact]
    public void Actor_timers_run_on_virtual_time()
    {
        var ticker = Sys.ActorOf(Props.Create(() => new TickingActor(TestActor, 10 * Second)), "ticker");
        ExpectMsg("started");
        Advance(TimeSpan.FromSeconds(35));
        // The ticks are in the mailbox before "sync": the reply to it comes after all of them.
        ticker.Tell("sync");
        ExpectMsg(new Ping(1));
        ExpectMsg(new Ping(2));
        ExpectMsg(new Ping(3));
        ExpectMsg("synced");

        ticker.Tell("stop-ticking");
        ExpectMsg("stopped");
        Advance(TimeSpan.FromMinutes(5));
        ticker.Tell("sync");
        ExpectMsg("synced");
    }

    [Fact]
    public async Task Ask_timeouts_run_on_virtual_time()
    {
        var silent = Sys.ActorOf(Props.Create<SilentActor>(), "silent");
        var answer = silent.Ask<string>("anyone?", TimeSpan.FromSeconds(5));
        Advance(TimeSpan.FromSeconds(4));
        Assert.False(answer.IsCompleted);
        Advance(Second);
        await Assert.ThrowsAsync<AskTimeoutException>(() => answer);
    }

    [Fact]
    public void Task_Delay_on_the_TestKit_clock_completes_on_Advance()
    {
        var delay = Task.Delay(TimeSpan.FromHours(1), Clock);
        Assert.False(delay.IsCompleted);
        Advance(TimeSpan.FromHours(1));
        Assert.True(delay.IsCompletedSuccessfully);
    }
}
