using Serenity.TestKit;

namespace Serenity.Actors.Tests;

/// <summary>ReceiveAsync: one message at a time across awaits, with Self, Sender and Context intact after an await.</summary>
public sealed class AsyncReceiveTests : TestKit.TestKit
{
    /// <summary>Work the test releases by completing <c>Release</c>.</summary>
    private sealed record Work(int Id, TaskCompletionSource Release);

    private sealed record AfterAwait(int Id, IActorRef Self, IActorRef Sender, bool InsideActor);

    private sealed class Worker : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Worker(IActorRef probe)
        {
            _probe = probe;
            ReceiveAsync<Work>(async w =>
            {
                probe.Tell($"start:{w.Id}", Self);
                await w.Release.Task;
                probe.Tell(new AfterAwait(w.Id, Self, Sender, Context.Child("nobody").IsNobody()), Self);
                Sender.Tell($"done:{w.Id}", Self);
            });
            Receive<string>(s => probe.Tell("sync:" + s, Self));
        }

        protected override void PostStop() => _probe.Tell("postStop", ActorRefs.NoSender);
    }

    /// <summary>Records the order in which messages finish; half of them yield in between.</summary>
    private sealed class Recorder : ReceiveActor
    {
        private readonly List<int> _done = [];

        public Recorder()
        {
            ReceiveAsync<int>(async i =>
            {
                await Task.Yield();
                await Task.Yield();
                _done.Add(i);
            }, i => i % 2 == 0);
            Receive<int>(i => _done.Add(i));
            Receive<string>(_ => Sender.Tell(_done.ToArray(), Self));
        }
    }

    /// <summary>Asks another actor inside an async handler and answers its own sender with the result.</summary>
    private sealed class Middleman : ReceiveActor
    {
        public Middleman(IActorRef backend) => ReceiveAsync<string>(async s =>
        {
            var answer = await backend.Ask<string>(s, TimeSpan.FromSeconds(5));
            Sender.Tell($"{Self.Path.Name} got {answer}", Self);
        });
    }

    private sealed class Upper : ReceiveActor
    {
        public Upper() => Receive<string>(s => Sender.Tell(s.ToUpperInvariant(), Self));
    }

    [Fact]
    public void The_next_message_waits_until_the_async_handler_has_finished()
    {
        var probe = CreateTestProbe();
        var worker = Sys.ActorOf(Props.Create(() => new Worker(probe)), "worker");
        var release = new TaskCompletionSource();
        var requester = CreateTestProbe("requester");

        worker.Tell(new Work(1, release), requester);
        probe.ExpectMsg("start:1");
        worker.Tell("next");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(150)); // "next" is held while the handler awaits
        release.SetResult();

        var after = probe.ExpectMsg<AfterAwait>();
        probe.ExpectMsg("sync:next");
        Assert.Equal(1, after.Id);
        Assert.Equal(worker, after.Self);
        Assert.Equal(requester, after.Sender);
        Assert.True(after.InsideActor);
        requester.ExpectMsg("done:1");
    }

    [Fact]
    public void Async_and_sync_messages_finish_in_the_order_they_were_sent()
    {
        var recorder = Sys.ActorOf(Props.Create(() => new Recorder()), "recorder");

        for (var i = 0; i < 200; i++) recorder.Tell(i);
        recorder.Tell("report");

        Assert.Equal(Enumerable.Range(0, 200), ExpectMsg<int[]>());
    }

    [Fact]
    public void Two_async_messages_never_overlap()
    {
        var probe = CreateTestProbe();
        var worker = Sys.ActorOf(Props.Create(() => new Worker(probe)), "worker");
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        second.SetResult(); // the second could finish at once, but must not even start yet

        worker.Tell(new Work(1, first));
        worker.Tell(new Work(2, second));
        probe.ExpectMsg("start:1");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(150));
        first.SetResult();

        Assert.Equal(1, probe.ExpectMsg<AfterAwait>().Id);
        probe.ExpectMsg("start:2");
        Assert.Equal(2, probe.ExpectMsg<AfterAwait>().Id);
    }

    [Fact]
    public async Task An_async_handler_can_await_an_Ask_and_reply_to_its_own_sender()
    {
        var backend = Sys.ActorOf(Props.Create(() => new Upper()), "backend");
        var middleman = Sys.ActorOf(Props.Create(() => new Middleman(backend)), "middleman");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => middleman.Ask<string>($"q{i}", TimeSpan.FromSeconds(5))));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"middleman got Q{i}"), answers);
    }

    [Fact]
    public void Stopping_an_actor_while_its_handler_awaits_runs_PostStop_and_drops_the_rest_of_the_handler()
    {
        var probe = CreateTestProbe();
        var worker = Sys.ActorOf(Props.Create(() => new Worker(probe)), "worker");
        var release = new TaskCompletionSource();
        worker.Tell(new Work(1, release));
        probe.ExpectMsg("start:1");
        Watch(worker);

        Sys.Stop(worker);

        probe.ExpectMsg("postStop");
        ExpectTerminated(worker);
        release.SetResult();
        probe.ExpectNoMsg(); // no actor code runs after PostStop
    }
}
