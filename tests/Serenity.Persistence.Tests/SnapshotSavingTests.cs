using Serenity.Actors;
using Serenity.Persistence.Journal;
using Serenity.Persistence.Tests.Contract;
using Xunit.Abstractions;

namespace Serenity.Persistence.Tests;

/// <summary>How the snapshot store front runs saves: one at a time, and finished before the store is closed.</summary>
public sealed class SnapshotSavingTests(ITestOutputHelper output)
    : PersistenceTestKit(new MemoryPlugin(), PluginConfig.System($"class = {PluginConfig.Quote(PluginConfig.ClassName(typeof(MemoryJournalStore)))}", GatedSnapshotStore.Section), output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private GatedSnapshotStore Store => GatedSnapshotStore.Of(Sys);

    [Fact]
    public async Task Snapshots_taken_together_are_saved_one_at_a_time_and_all_succeed()
    {
        var recorders = new[] { "a", "b", "c" }.Select(StartRecorder).ToList();
        foreach (var r in recorders) r.Tell(new TakeSnapshot());

        for (var i = 0; i < recorders.Count; i++)
        {
            await Store.SaveWaiting.WaitAsync(Bound);
            Store.ReleaseOne();
        }

        for (var i = 0; i < recorders.Count; i++) ExpectMsg<SaveSnapshotSuccess>();
        Assert.Equal(1, Store.MostConcurrentSaves);
    }

    [Fact]
    public async Task Termination_waits_for_a_snapshot_being_saved_and_the_snapshot_is_stored()
    {
        var recorder = StartRecorder("p");
        recorder.Tell(new Add("x"));
        ExpectMsg<Acked>();
        recorder.Tell(new TakeSnapshot());
        await Store.SaveWaiting.WaitAsync(Bound);

        var terminating = Sys.Terminate();
        // While the save is held, the store stays open and the system does not finish terminating.
        var quiet = Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Same(quiet, await Task.WhenAny(terminating, Store.Disposed, quiet));
        Store.ReleaseOne();
        await terminating.WaitAsync(Bound);

        Assert.False(Store.DisposedDuringSave);
        Assert.Equal(1, (await Store.LatestAsync("p"))?.SequenceNr);
    }
}
