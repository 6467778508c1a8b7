using Serenity.Actors;

namespace Serenity.TestKit.Tests;

public sealed class ProbeTests : TestKit
{
    [Fact]
    public void A_probe_is_its_own_ref_with_the_given_name()
    {
        var probe = CreateTestProbe("watcher");
        Assert.Same(probe, probe.Ref);
        Assert.Equal("watcher", probe.Path.Name);
        Assert.NotEqual(probe.Ref, CreateTestProbe("watcher").Ref);
        Assert.Contains("watcher", probe.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Probes_receive_independently()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        a.Tell("for a", ActorRefs.NoSender);
        b.Tell("for b", ActorRefs.NoSender);
        Assert.Equal(1, a.MessageCount);
        Assert.True(b.HasMessages);
        b.ExpectMsg("for b");
        a.ExpectMsg("for a");
        ExpectNoMsg(TimeSpan.Zero);
        Assert.False(a.HasMessages);
    }

    [Fact]
    public void ExpectTerminated_after_Watch_reports_the_stopped_actor()
    {
        var actor = Sys.ActorOf(Props.Create<SilentActor>(), "doomed");
        Watch(actor);
        Sys.Stop(actor);
        var terminated = ExpectTerminated(actor);
        Assert.Equal(actor, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void A_probe_watching_an_actor_gets_Terminated_after_a_PoisonPill()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create<EchoActor>(), "doomed");
        probe.Watch(actor);
        actor.Tell(PoisonPill.Instance);
        probe.ExpectTerminated(actor);
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void ExpectTerminated_for_another_actor_fails()
    {
        var first = Sys.ActorOf(Props.Create<SilentActor>(), "first");
        var second = Sys.ActorOf(Props.Create<SilentActor>(), "second");
        Watch(first);
        Sys.Stop(first);
        var ex = Assert.Throws<TestKitFailedException>(() => ExpectTerminated(second));
        Assert.Contains($"for {second.Path}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not match", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectTerminated_without_Watch_times_out()
    {
        var actor = Sys.ActorOf(Props.Create<SilentActor>(), "unwatched");
        Sys.Stop(actor);
        var ex = Assert.Throws<TestKitFailedException>(() => ExpectTerminated(actor, TimeSpan.FromMilliseconds(100)));
        Assert.Contains("ExpectMsg<Terminated>", ex.Message, StringComparison.Ordinal);
        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LastSender_is_the_sender_of_the_last_expected_message()
    {
        var probe = CreateTestProbe();
        Assert.Equal(ActorRefs.Nobody, probe.LastSender);
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        probe.Send(echo, "ping");
        probe.ExpectMsg("ping");
        Assert.Equal(echo, probe.LastSender);
        Assert.Equal("ping", probe.LastMessage);

        probe.Tell("anonymous", ActorRefs.NoSender);
        probe.ExpectMsg("anonymous");
        Assert.Equal(Sys.DeadLetters, probe.LastSender);
    }

    [Fact]
    public void Send_uses_the_probe_as_sender()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        probe.Send(echo, new Ping(1));
        probe.ExpectMsg(new Ping(1));
        ExpectNoMsg(TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public void Reply_answers_the_last_sender_as_the_probe()
    {
        var probe = CreateTestProbe();
        var asker = Sys.ActorOf(Props.Create(() => new AskingActor(TestActor)), "asker");
        asker.Tell(probe.Ref);
        probe.ExpectMsg("question");
        Assert.Equal(asker, probe.LastSender);
        probe.Reply("forty-two");
        ExpectMsg("got forty-two");
        Assert.Equal(asker, LastSender);
    }

    [Fact]
    public void Reply_of_the_test_actor_answers_its_last_sender()
    {
        var asker = Sys.ActorOf(Props.Create(() => new AskingActor(TestActor)), "asker");
        asker.Tell(TestActor);
        ExpectMsg("question");
        Reply("yes");
        ExpectMsg("got yes");
    }

    [Fact]
    public void Forward_keeps_the_original_sender()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        probe.Tell("pass it on", TestActor);
        probe.ExpectMsg("pass it on");
        probe.Forward(echo);
        ExpectMsg("pass it on");
        Assert.Equal(echo, LastSender);
        probe.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Forward_before_any_message_throws()
    {
        var probe = CreateTestProbe();
        Assert.Throws<InvalidOperationException>(() => probe.Forward(TestActor));
    }

    [Fact]
    public void Unwatch_stops_Terminated_from_arriving()
    {
        var probe = CreateTestProbe();
        var watched = Sys.ActorOf(Props.Create<SilentActor>(), "watched");
        probe.Watch(watched);
        Watch(watched);
        probe.Unwatch(watched);
        Sys.Stop(watched);
        // The dying actor notifies all its watchers at once: once the test actor has its Terminated,
        // the probe would have had its own, had it still been watching.
        ExpectTerminated(watched);
        probe.ExpectNoMsg(TimeSpan.Zero);
    }
}
