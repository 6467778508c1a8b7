using Serenity.Actors;
using Xunit.Abstractions;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>
/// Persisting with <see cref="WriteDurability.Deferred"/> through a plugin: the journal asks the store for a deferred
/// write only when every write of the call may be deferred, the handlers run in order, and the events recover like
/// any other. The plugin is wrapped in a <see cref="ControlledJournalStore"/>, which records how each call was made.
/// </summary>
public abstract class DeferredWriteContract(PluginUnderTest plugin, ITestOutputHelper? output = null)
    : PersistenceTestKit(plugin, plugin.ControlledSystemConfig, output)
{
    private ControlledJournalStore Journal => ControlledJournalStore.Of(Sys);

    [Fact]
    public void A_deferred_event_is_written_deferred_handled_in_order_and_recovered()
    {
        var recorder = StartRecorder("p");
        recorder.Tell(new AddDeferred("a"));
        recorder.Tell(new Add("b"));
        recorder.Tell(new AddDeferred("c"));

        Assert.Equal(["a", "b", "c"], ReceiveN(3).Cast<Acked>().Select(a => a.Value));
        Assert.Equal([true, false, true], CallsOf("p").Select(w => w.Deferred));
        StopAndWait(recorder);
        Assert.Equal(["a", "b", "c"], Recover("p").Values);
    }

    [Fact]
    public void A_call_with_one_synced_write_is_written_synced_as_a_whole()
    {
        var recorder = StartRecorder("p");
        recorder.Tell(new AddDeferredThenSynced("a", "b"));

        Assert.Equal([("a", 1L), ("b", 2L)], ReceiveN(2).Cast<Acked>().Select(a => (a.Value, a.SequenceNr)));
        var call = Assert.Single(CallsOf("p"));
        Assert.Equal(2, call.AtomicWrites.Count);
        Assert.False(call.Deferred);
    }

    private List<WriteCall> CallsOf(string persistenceId) =>
        [.. Journal.Writes.Where(w => w.Failure is null && w.AtomicWrites.Any(a => a.Any(r => r.PersistenceId == persistenceId)))];
}
