using Serenity.Actors;
using Serenity.Persistence.Journal;
using Xunit.Abstractions;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>
/// The plugin contract when writes fail: the plugin is wrapped in a <see cref="ControlledJournalStore"/>
/// so the test decides which writes share a batch, or makes them fail.
/// </summary>
public abstract class JournalFailureContract(PluginUnderTest plugin, ITestOutputHelper? output = null)
    : PersistenceTestKit(plugin, plugin.ControlledSystemConfig, output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private ControlledJournalStore Journal => ControlledJournalStore.Of(Sys);

    [Fact]
    public async Task A_batch_with_one_colliding_write_fails_only_that_writer()
    {
        var owner = StartRecorder("shared");
        var intruder = StartRecorder("shared");
        StateOf(owner);
        StateOf(intruder);
        owner.Tell(new Add("owner's"));
        ExpectMsg<Acked>();
        // Hold the journal in a write, so the next three queue up and go into one batch.
        var blocker = StartRecorder("blocker");
        Journal.HoldWrites();
        blocker.Tell(new Add("first"));
        await Journal.WriteWaiting.WaitAsync(Bound);
        Watch(intruder);
        foreach (var (recorder, value) in new[] { (intruder, "intruder's"), (StartRecorder("a"), "a's"), (StartRecorder("b"), "b's") })
        {
            recorder.Tell(new AddAsync(value));
            StateOf(recorder); // PersistAsync lets this through once the write is handed to the journal
        }

        Journal.ReleaseWrites();

        var outcomes = ReceiveN(5, Bound);
        Assert.Equal(
            ["Acked(a, a's, 1)", "Acked(b, b's, 1)", "Acked(blocker, first, 1)", "PersistFailed(shared, JournalCollisionException)", "Terminated(intruder)"],
            outcomes.Select(Describe).Order(StringComparer.Ordinal));
        var batch = Assert.Single(Journal.Writes, w => w.AtomicWrites.Count == 3);
        Assert.IsType<JournalCollisionException>(batch.Failure);
        Assert.Equal(["a's"], Recover("a").Values);
        Assert.Equal(["owner's"], Recover("shared").Values);

        string Describe(object m) => m switch
        {
            Acked a => $"Acked({a.PersistenceId}, {a.Value}, {a.SequenceNr})",
            PersistFailed f => $"PersistFailed({f.PersistenceId}, {f.Cause.GetType().Name})",
            Terminated t when t.ActorRef.Equals(intruder) => "Terminated(intruder)",
            _ => m.ToString() ?? "null",
        };
    }

    [Fact]
    public void A_failed_write_stops_the_actor_without_running_its_handler()
    {
        var recorder = StartRecorder("p");
        recorder.Tell(new Add("kept"));
        ExpectMsg<Acked>();
        Watch(recorder);
        Journal.FailWrites("disk on fire");

        recorder.Tell(new Add("lost"));

        var failed = ExpectMsg<PersistFailed>(); // had the handler run, its Acked would arrive first
        Assert.Equal("disk on fire", Assert.IsType<IOException>(failed.Cause).Message);
        ExpectTerminated(recorder);
        Assert.Equal(["kept"], Recover("p").Values);
    }
}
