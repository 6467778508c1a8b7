using System.Text.Json;
using Serenity.Actors;
using Serenity.Persistence.Journal;
using Serenity.Persistence.Tests.Contract;
using Xunit.Abstractions;

namespace Serenity.Persistence.Tests;

/// <summary>Recovery: its messages, commands arriving meanwhile, restarts and old event versions.</summary>
public sealed class RecoveryTests(ITestOutputHelper output) : PersistenceTestKit(new MemoryPlugin(), new MemoryPlugin().ControlledSystemConfig, output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private ControlledJournalStore Journal => ControlledJournalStore.Of(Sys);

    [Fact]
    public void RecoveryCompleted_arrives_last_even_when_there_is_nothing_to_recover()
    {
        Assert.Equal(["completed"], Recover("new").RecoveryLog);

        var recorder = StartRecorder("p");
        recorder.Tell(new AddAll(["a", "b"]));
        ExpectMsg<Acked>();
        ExpectMsg<Acked>();
        recorder.Tell(new TakeSnapshot());
        ExpectMsg<SaveSnapshotSuccess>();
        recorder.Tell(new Add("c"));
        ExpectMsg<Acked>();
        StopAndWait(recorder);

        Assert.Equal(["snapshot:2", "event:3:c", "completed"], Recover("p").RecoveryLog);
    }

    [Fact]
    public async Task Commands_sent_during_recovery_are_handled_after_it_in_order()
    {
        var first = StartRecorder("p");
        first.Tell(new AddAll(["a", "b"]));
        ExpectMsg<Acked>();
        ExpectMsg<Acked>();
        StopAndWait(first);
        Journal.HoldReplays();

        var second = StartRecorder("p");
        second.Tell(new GetState());
        second.Tell(new Add("c"));
        second.Tell(new GetState());
        await Journal.ReplayWaiting.WaitAsync(Bound);

        ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // nothing is answered while recovering
        Journal.ReleaseReplays();
        var recovered = ExpectMsg<RecorderState>();
        Assert.Equal(["a", "b"], recovered.Values);
        Assert.Equal("completed", recovered.RecoveryLog[^1]);
        Assert.Equal(new Acked("p", "c", 3), ExpectMsg<Acked>());
        Assert.Equal(["a", "b", "c"], ExpectMsg<RecorderState>().Values);
    }

    [Fact]
    public async Task An_upcaster_reads_events_stored_under_an_old_manifest()
    {
        Persistence.Get(Sys).Serialization.RegisterUpcaster("contract-added.v0", bytes =>
            new Added(JsonDocument.Parse(bytes).RootElement.GetProperty("Text").GetString()!));
        var journal = Persistence.Get(Sys).Journal;
        await journal.Initialized;
        await journal.Store.WriteAsync([[new JournalRow("p", 1, "contract-added.v0", """{"Text":"old"}"""u8.ToArray(), [], "old-writer", DateTimeOffset.UtcNow)]], CancellationToken.None);

        Assert.Equal(["old"], Recover("p").Values);
    }
}
