using Serenity.Actors;
using Serenity.Persistence.Tests.Contract;
using Xunit.Abstractions;

namespace Serenity.Persistence.Tests;

/// <summary>
/// How commands and event handlers interleave while writes are in flight. The journal is held at a
/// gate (<see cref="ControlledJournalStore"/>), so "in flight" lasts exactly as long as the test wants.
/// </summary>
public sealed class CommandOrderTests(ITestOutputHelper output) : PersistenceTestKit(new MemoryPlugin(), new MemoryPlugin().ControlledSystemConfig, output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    private ControlledJournalStore Journal => ControlledJournalStore.Of(Sys);

    [Fact]
    public async Task Commands_wait_while_an_event_is_persisted_so_replies_follow_the_journal_order()
    {
        var recorder = StartRecorder("p");
        StateOf(recorder);
        Journal.HoldWrites();
        recorder.Tell(new Add("a"));
        await Journal.WriteWaiting.WaitAsync(Bound);

        recorder.Tell(new GetState());
        recorder.Tell(new Add("b"));

        ExpectNoMsg(Quiet); // the state is not answered before "a" is stored
        Journal.ReleaseWrites();
        Assert.Equal(new Acked("p", "a", 1), ExpectMsg<Acked>());
        Assert.Equal(["a"], ExpectMsg<RecorderState>().Values);
        Assert.Equal(new Acked("p", "b", 2), ExpectMsg<Acked>());
    }

    [Fact]
    public async Task PersistAsync_lets_commands_through_while_its_event_is_persisted()
    {
        var recorder = StartRecorder("p");
        StateOf(recorder);
        Journal.HoldWrites();
        recorder.Tell(new AddAsync("a"));
        await Journal.WriteWaiting.WaitAsync(Bound);

        recorder.Tell(new GetState());

        Assert.Empty(ExpectMsg<RecorderState>().Values); // answered at once; "a"'s handler has not run
        Journal.ReleaseWrites();
        Assert.Equal(new Acked("p", "a", 1), ExpectMsg<Acked>());
    }

    [Fact]
    public async Task DeferAsync_runs_after_the_handlers_of_the_events_persisted_before_it()
    {
        var sequencer = Sys.ActorOf(Props.Create(() => new Sequencer()));
        Journal.HoldWrites();

        sequencer.Tell("persist, persist, defer");
        await Journal.WriteWaiting.WaitAsync(Bound);
        sequencer.Tell("ping");

        ExpectMsg("pong"); // nothing held the ping back, and the deferred handler did not jump the queue
        Journal.ReleaseWrites();
        ExpectMsg("handled e1");
        ExpectMsg("handled e2");
        ExpectMsg("deferred");
    }

    [Fact]
    public void DeferAsync_with_nothing_pending_runs_at_once()
    {
        var sequencer = Sys.ActorOf(Props.Create(() => new Sequencer()));

        sequencer.Tell("defer");

        ExpectMsg("deferred");
    }

    [Fact]
    public async Task The_sender_in_a_persist_handler_is_the_sender_of_the_command()
    {
        var recorder = StartRecorder("p");
        StateOf(recorder);
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        Journal.HoldWrites();
        first.Send(recorder, new AddAsync("a"));
        await Journal.WriteWaiting.WaitAsync(Bound);
        second.Send(recorder, new AddAsync("b"));
        second.Send(recorder, new GetState()); // both writes are pending once this is answered
        second.ExpectMsg<RecorderState>();

        Journal.ReleaseWrites();

        Assert.Equal("a", first.ExpectMsg<Acked>().Value);
        Assert.Equal("b", second.ExpectMsg<Acked>().Value);
    }

    /// <summary>Persists two events with PersistAsync and defers a third action behind them.</summary>
    private sealed class Sequencer : ReceivePersistentActor
    {
        public Sequencer()
        {
            Command<string>(_ =>
            {
                PersistAsync(new Added("e1"), e => Sender.Tell($"handled {e.Value}", Self));
                PersistAsync(new Added("e2"), e => Sender.Tell($"handled {e.Value}", Self));
                DeferAsync("deferred", d => Sender.Tell(d, Self));
            }, s => s == "persist, persist, defer");
            Command<string>(_ => DeferAsync("deferred", d => Sender.Tell(d, Self)), s => s == "defer");
            Command<string>(_ => Sender.Tell("pong", Self), s => s == "ping");
        }

        public override string PersistenceId => "sequencer";
    }
}
