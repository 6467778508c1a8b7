using Serenity.Actors;
using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Integration;

public sealed class ActorRefTests : StreamSpec
{
    [Fact]
    public void Source_ActorRef_emits_the_messages_it_receives()
    {
        var (actor, sink) = Source.ActorRef<string>(10, OverflowStrategy.DropNew).ToMaterialized(TestSink.Probe<string>(this), Keep.Both).Run(Materializer);
        actor.Tell("a", ActorRefs.NoSender);
        actor.Tell(42, ActorRefs.NoSender); // not a string: ignored
        actor.Tell("b", ActorRefs.NoSender);
        sink.Request(2).ExpectNext("a", "b");
        actor.Tell(new Status.Success(null), ActorRefs.NoSender);
        sink.ExpectComplete();
    }

    [Fact]
    public void Source_ActorRef_drains_its_buffer_before_completing()
    {
        var (actor, result) = Source.ActorRef<int>(10, OverflowStrategy.DropNew).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);
        for (var i = 0; i < 5; i++) actor.Tell(i, ActorRefs.NoSender);
        actor.Tell(PoisonPill.Instance, ActorRefs.NoSender);
        Assert.Equal([0, 1, 2, 3, 4], Await(result));
    }

    [Fact]
    public void Source_ActorRef_fails_on_Status_Failure()
    {
        var (actor, result) = Source.ActorRef<int>(10, OverflowStrategy.DropNew).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);
        var boom = new TestException("failure message");
        actor.Tell(new Status.Failure(boom), ActorRefs.NoSender);
        Assert.Same(boom, AwaitFailure(result));
    }

    [Fact]
    public void Source_ActorRef_applies_its_overflow_strategy()
    {
        var (actor, sink) = Source.ActorRef<int>(2, OverflowStrategy.DropHead).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        for (var i = 1; i <= 4; i++) actor.Tell(i, ActorRefs.NoSender);
        sink.Request(2).ExpectNext(3, 4);
        Assert.Throws<ArgumentException>(() => Source.ActorRef<int>(2, OverflowStrategy.Backpressure));
    }

    [Fact]
    public void Source_ActorRef_is_watchable_and_terminates_with_the_stream()
    {
        var (actor, sink) = Source.ActorRef<int>(2, OverflowStrategy.DropNew).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        Watch(actor);
        sink.Cancel();
        ExpectTerminated(actor);
    }

    [Fact]
    public void Sink_ActorRefWithAck_backpressures_into_the_actor()
    {
        var target = CreateTestProbe();
        var source = TestSource.Probe<int>(this).To(Sink.ActorRefWithAck<int>(target, "init", "ack", "done")).Run(Materializer);
        target.ExpectMsg("init");
        source.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50)); // nothing pulled before the init is acknowledged
        target.Reply("ack");
        source.ExpectRequest().SendNext(1);
        target.ExpectMsg(1);
        source.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50)); // one element in flight at most
        target.Reply("ack");
        source.ExpectRequest().SendNext(2);
        target.ExpectMsg(2);
        source.SendComplete();
        target.ExpectNoMsg(TimeSpan.FromMilliseconds(50)); // completion waits for the last ack
        target.Reply("ack");
        target.ExpectMsg("done");
        AssertAllStagesStopped();
    }

    [Fact]
    public void Sink_ActorRefWithAck_sends_the_failure_message()
    {
        var target = CreateTestProbe();
        var source = TestSource.Probe<int>(this).To(Sink.ActorRefWithAck<int>(target, "init", "ack", "done", e => "failed: " + e.Message)).Run(Materializer);
        target.ExpectMsg("init");
        target.Reply("ack");
        source.ExpectRequest();
        source.SendError(new TestException("boom"));
        target.ExpectMsg("failed: boom");
    }

    [Fact]
    public void Sink_ActorRefWithAck_cancels_when_the_actor_terminates()
    {
        var target = Sys.ActorOf(Props.Create(() => new Acker()));
        var source = TestSource.Probe<int>(this).To(Sink.ActorRefWithAck<int>(target, "init", "ack", "done")).Run(Materializer);
        source.ExpectRequest().SendNext(1);
        source.ExpectRequest();
        Sys.Stop(target);
        Assert.IsType<WatchedActorTerminatedException>(source.ExpectCancellation());
        AssertAllStagesStopped();
    }

    [Fact]
    public void A_stream_feeds_an_actor_at_the_actor_s_pace()
    {
        var target = Sys.ActorOf(Props.Create(() => new Acker()));
        var probe = CreateTestProbe();
        target.Tell(probe.Ref, ActorRefs.NoSender);
        Source.From(Enumerable.Range(1, 100)).To(Sink.ActorRefWithAck<int>(target, "init", "ack", "done")).Run(Materializer);
        var received = probe.ReceiveN(101, TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Range(1, 100).Cast<object>().Append("done"), received);
    }

    /// <summary>Acknowledges everything it gets and reports it to a probe, if it was given one.</summary>
    private sealed class Acker : ReceiveActor
    {
        private IActorRef? _reportTo;

        public Acker()
        {
            Receive<IActorRef>(r => _reportTo = r);
            ReceiveAny(m =>
            {
                if (m is not "init") _reportTo?.Tell(m, Self);
                if (m is not "done") Sender.Tell("ack", Self);
            });
        }
    }
}
