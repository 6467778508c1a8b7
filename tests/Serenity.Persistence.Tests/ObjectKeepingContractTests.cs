using Serenity.Persistence.Journal;
using Serenity.Persistence.Snapshots;
using Serenity.Persistence.Tests.Contract;
using Xunit.Abstractions;

namespace Serenity.Persistence.Tests;

/// <summary>
/// The memory plugin with a journal and a snapshot store that keep objects (<see cref="IEventObjectJournalStore"/>,
/// <see cref="ISnapshotObjectStore"/>).
/// </summary>
internal sealed class ObjectKeepingPlugin : PluginUnderTest
{
    public override string JournalSection => $"class = {PluginConfig.Quote(PluginConfig.ClassName(typeof(ObjectKeepingJournalStore)))}";

    public override string SnapshotSection => $"class = {PluginConfig.Quote(PluginConfig.ClassName(typeof(ObjectKeepingSnapshotStore)))}";

    public override IJournalStore CreateJournalStore() => new ObjectKeepingJournalStore();

    public override ISnapshotStore CreateSnapshotStore() => new ObjectKeepingSnapshotStore();
}

public sealed class ObjectKeepingPersistentActorTests(ITestOutputHelper output) : PersistentActorContract(new ObjectKeepingPlugin(), output);

public sealed class ObjectKeepingManyActorsTests(ITestOutputHelper output) : ManyActorsContract(new ObjectKeepingPlugin(), output);

/// <summary>What the journal and the snapshot store hand stores that keep objects.</summary>
public sealed class ObjectKeepingJournalTests(ITestOutputHelper output) : PersistenceTestKit(new ObjectKeepingPlugin(), new ObjectKeepingPlugin().SystemConfig, output)
{
    [Fact]
    public async Task The_store_gets_the_event_itself_under_its_manifest_and_recovery_reads_it_back()
    {
        var recorder = StartRecorder("p");
        recorder.Tell(new Add("a"), TestActor);
        ExpectMsg<Acked>();
        StopAndWait(recorder);

        var rows = new List<JournalRow>();
        await Persistence.Get(Sys).Journal.Store.ReplayAsync("p", 1, long.MaxValue, long.MaxValue, rows.Add, CancellationToken.None);
        var row = Assert.Single(rows);
        Assert.Equal(ContractEvents.AddedManifest, row.Manifest);
        Assert.Empty(row.Payload); // not serialized
        Assert.Equal(new Added("a"), row.Event);
        Assert.Equal(["a"], Recover("p").Values);
    }

    [Fact]
    public async Task The_snapshot_store_gets_the_snapshot_itself_and_recovery_is_offered_it()
    {
        var recorder = StartRecorder("p");
        recorder.Tell(new Add("a"), TestActor);
        ExpectMsg<Acked>();
        recorder.Tell(new TakeSnapshot(), TestActor);
        ExpectMsg<SaveSnapshotSuccess>();
        StopAndWait(recorder);

        var row = await Persistence.Get(Sys).Snapshots.Store.LoadAsync("p", SnapshotSelectionCriteria.Latest, CancellationToken.None);
        Assert.NotNull(row);
        Assert.True(row.Payload.IsEmpty); // not serialized
        Assert.Equal(["a"], Assert.IsType<RecorderSnapshot>(row.Snapshot).Values);
        Assert.Equal(["snapshot:1", "completed"], Recover("p").RecoveryLog);
    }
}
