using Serenity.Actors;
using Serenity.Persistence.Journal;
using Serenity.Persistence.Serialization;
using Xunit.Abstractions;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>The plugin contract at actor level: persistent actors in a system whose config selects the plugin.</summary>
public abstract class PersistentActorContract(PluginUnderTest plugin, ITestOutputHelper? output = null)
    : PersistenceTestKit(plugin, plugin.SystemConfig, output)
{
    [Fact]
    public void Persisted_events_are_recovered_in_order_by_a_new_incarnation()
    {
        var first = StartRecorder("p");
        first.Tell(new Add("a"));
        first.Tell(new Add("b"));
        first.Tell(new AddAll(["c", "d"]));
        Assert.Equal(
            [new Acked("p", "a", 1), new Acked("p", "b", 2), new Acked("p", "c", 3), new Acked("p", "d", 4)],
            [ExpectMsg<Acked>(), ExpectMsg<Acked>(), ExpectMsg<Acked>(), ExpectMsg<Acked>()]);
        StopAndWait(first);

        var recovered = Recover("p");

        Assert.Equal(["a", "b", "c", "d"], recovered.Values);
        Assert.Equal(4, recovered.LastSequenceNr);
        Assert.Equal(["event:1:a", "event:2:b", "event:3:c", "event:4:d", "completed"], recovered.RecoveryLog);
    }

    [Fact]
    public void A_snapshot_is_offered_first_and_only_newer_events_are_replayed()
    {
        var first = StartRecorder("p");
        foreach (var v in new[] { "a", "b", "c" }) first.Tell(new Add(v));
        ExpectAcks(3);
        first.Tell(new TakeSnapshot());
        Assert.Equal(3, ExpectMsg<SaveSnapshotSuccess>().Metadata.SequenceNr);
        first.Tell(new Add("d"));
        first.Tell(new Add("e"));
        ExpectAcks(2);
        StopAndWait(first);

        var recovered = Recover("p");

        Assert.Equal(["snapshot:3", "event:4:d", "event:5:e", "completed"], recovered.RecoveryLog);
        Assert.Equal(["a", "b", "c", "d", "e"], recovered.Values);
        Assert.Equal(5, recovered.LastSequenceNr);
    }

    [Fact]
    public void Deleted_events_are_not_replayed_and_numbering_continues_after_them()
    {
        var first = StartRecorder("p");
        foreach (var v in new[] { "a", "b", "c", "d", "e" }) first.Tell(new Add(v));
        ExpectAcks(5);
        first.Tell(new DeleteUpTo(3));
        Assert.Equal(3, ExpectMsg<DeleteMessagesSuccess>().ToSequenceNr);
        StopAndWait(first);

        var second = StartRecorder("p");
        Assert.Equal(["event:4:d", "event:5:e", "completed"], StateOf(second).RecoveryLog);
        second.Tell(new DeleteUpTo(5));
        ExpectMsg<DeleteMessagesSuccess>();
        StopAndWait(second);

        var third = StartRecorder("p");
        var state = StateOf(third);
        Assert.Equal(["completed"], state.RecoveryLog);
        Assert.Equal(5, state.LastSequenceNr);
        third.Tell(new Add("f"));
        Assert.Equal(new Acked("p", "f", 6), ExpectMsg<Acked>());
    }

    [Fact]
    public async Task Events_with_a_tag_are_read_in_journal_order_from_an_offset()
    {
        var a = StartRecorder("a");
        var b = StartRecorder("b");
        // One at a time, so the journal order is known.
        foreach (var (recorder, command) in new[]
        {
            (a, new Add("a1", ["green"])), (b, new Add("b1", ["green", "blue"])), (a, new Add("a2")),
            (b, new Add("b2", ["green"])), (a, new Add("a3", ["blue"])),
        })
        {
            recorder.Tell(command);
            ExpectMsg<Acked>();
        }
        var journal = Persistence.Get(Sys).Journal;

        var green = await journal.EventsByTagAsync("green", 0, 100);

        Assert.Equal([("a", 1L, "a1"), ("b", 1L, "b1"), ("b", 2L, "b2")], green.Select(e => (e.PersistenceId, e.SequenceNr, ((Added)e.Event).Value)));
        Assert.True(green[0].Offset < green[1].Offset && green[1].Offset < green[2].Offset, "offsets increase");
        Assert.Equal(["b1", "b2"], (await journal.EventsByTagAsync("green", green[0].Offset, 100)).Select(e => ((Added)e.Event).Value));
        Assert.Equal(["a1"], (await journal.EventsByTagAsync("green", 0, 1)).Select(e => ((Added)e.Event).Value));
        Assert.Equal(["b1", "a3"], (await journal.EventsByTagAsync("blue", 0, 100)).Select(e => ((Added)e.Event).Value));
    }

    [Fact]
    public async Task An_unknown_manifest_fails_recovery_with_an_error_naming_id_sequence_nr_and_manifest()
    {
        await WriteRawAsync("p", (1, ContractEvents.AddedManifest, Serialized(new Added("a"))), (2, "retired-event.v1", "{}"u8.ToArray()));

        ExpectRecoveryToFail("p", 2, "retired-event.v1", "unknown manifest");
    }

    [Fact]
    public async Task A_corrupt_payload_fails_recovery_with_an_error_naming_id_sequence_nr_and_manifest()
    {
        await WriteRawAsync("p", (1, ContractEvents.AddedManifest, Serialized(new Added("a"))), (2, ContractEvents.AddedManifest, "{\"Value\": "u8.ToArray()));

        ExpectRecoveryToFail("p", 2, ContractEvents.AddedManifest, "corrupt payload");
    }

    [Fact]
    public void An_event_that_cannot_be_serialized_is_rejected_its_handler_not_run_and_the_actor_goes_on()
    {
        var recorder = StartRecorder("p");

        recorder.Tell(new AddUnregistered("x"));

        // Had the handler run, its answer would arrive first.
        Assert.IsType<NotRegisteredException>(ExpectMsg<PersistRejected>().Cause);
        recorder.Tell(new Add("y"));
        Assert.Equal("y", ExpectMsg<Acked>().Value);
        Assert.Equal(["y"], StateOf(recorder).Values);
    }

    [Fact]
    public void Of_two_incarnations_writing_the_same_id_the_later_writer_fails_and_stops()
    {
        var owner = StartRecorder("p");
        var intruder = StartRecorder("p");
        StateOf(owner);
        StateOf(intruder); // both have recovered: both will write sequence nr 1 next
        Watch(intruder);

        owner.Tell(new Add("mine"));
        Assert.Equal(new Acked("p", "mine", 1), ExpectMsg<Acked>());
        intruder.Tell(new Add("theirs"));

        var failed = ExpectMsg<PersistFailed>();
        Assert.IsType<JournalCollisionException>(failed.Cause);
        ExpectTerminated(intruder);
        owner.Tell(new Add("still mine"));
        Assert.Equal(new Acked("p", "still mine", 2), ExpectMsg<Acked>());
        StopAndWait(owner);
        Assert.Equal(["mine", "still mine"], Recover("p").Values);
    }

    private void ExpectAcks(int count)
    {
        for (var i = 0; i < count; i++) ExpectMsg<Acked>();
    }

    private byte[] Serialized(object @event) => Persistence.Get(Sys).Serialization.Serialize(@event).Payload;

    /// <summary>Writes rows straight into the system's journal store, as an older or broken writer might have.</summary>
    private async Task WriteRawAsync(string persistenceId, params (long SequenceNr, string Manifest, byte[] Payload)[] events)
    {
        var journal = Persistence.Get(Sys).Journal;
        await journal.Initialized;
        var rows = events.Select(e => new JournalRow(persistenceId, e.SequenceNr, e.Manifest, e.Payload, [], "raw-writer", DateTimeOffset.UtcNow)).ToList();
        await journal.Store.WriteAsync([rows], CancellationToken.None);
    }

    private void ExpectRecoveryToFail(string persistenceId, long sequenceNr, string manifest, string reason)
    {
        var recorder = StartRecorder(persistenceId);
        Watch(recorder);

        var failure = Assert.IsType<EventDeserializationException>(ExpectMsg<RecoveryFailed>().Cause);

        Assert.Equal((persistenceId, sequenceNr, manifest), (failure.PersistenceId, failure.SequenceNr, failure.Manifest));
        foreach (var part in new[] { $"'{persistenceId}'", $"{sequenceNr}", manifest, reason }) Assert.Contains(part, failure.Message, StringComparison.Ordinal);
        ExpectTerminated(recorder);
    }
}
