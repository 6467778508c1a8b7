using Serenity.Backtest.Persistence;
using Serenity.Hocon;
using Serenity.Persistence.Journal;
using Serenity.Persistence.Snapshots;

namespace Serenity.Backtest.Tests;

/// <summary>The backtest's bounded in-memory journal and latest-only snapshot store.</summary>
public sealed class BoundedStoresTests
{
    private static JournalRow Row(string id, long seq, params string[] tags) => new(id, seq, "m.v1", [1], tags, "w", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task The_journal_keeps_the_newest_events_and_refuses_a_replay_that_needs_dropped_ones()
    {
        await using var journal = new BoundedMemoryJournalStore(ConfigurationFactory.ParseString("keep-events = 3", "test"));
        await journal.WriteAsync([[Row("a", 1, "t"), Row("a", 2)], [Row("a", 3), Row("a", 4), Row("a", 5)]], CancellationToken.None);
        Assert.Equal(5, await journal.ReadHighestSequenceNrAsync("a", CancellationToken.None));

        var replayed = new List<long>();
        await journal.ReplayAsync("a", 3, long.MaxValue, long.MaxValue, r => replayed.Add(r.SequenceNr), CancellationToken.None);
        Assert.Equal([3, 4, 5], replayed);
        await Assert.ThrowsAsync<InvalidOperationException>(() => journal.ReplayAsync("a", 2, long.MaxValue, long.MaxValue, _ => { }, CancellationToken.None));
        await Assert.ThrowsAsync<JournalCollisionException>(() => journal.WriteAsync([[Row("a", 5)]], CancellationToken.None));

        var tagged = await journal.ReadTaggedAsync("t", 0, 10, CancellationToken.None);
        Assert.Equal(1, Assert.Single(tagged).SequenceNr); // tagged events are kept even when dropped from the replay window
    }

    [Fact]
    public async Task The_snapshot_store_keeps_only_the_newest_snapshot()
    {
        await using var store = new LatestSnapshotStore(ConfigurationFactory.Empty);
        await store.SaveAsync(new SnapshotRow("a", 100, DateTimeOffset.UnixEpoch, "s.v1", new byte[] { 1 }), CancellationToken.None);
        await store.SaveAsync(new SnapshotRow("a", 200, DateTimeOffset.UnixEpoch, "s.v1", new byte[] { 2 }), CancellationToken.None);
        await store.SaveAsync(new SnapshotRow("a", 150, DateTimeOffset.UnixEpoch, "s.v1", new byte[] { 3 }), CancellationToken.None);
        Assert.Equal(200, (await store.LoadAsync("a", SnapshotSelectionCriteria.Latest, CancellationToken.None))!.SequenceNr);
        await store.DeleteAsync("a", new SnapshotSelectionCriteria(199), CancellationToken.None);
        Assert.NotNull(await store.LoadAsync("a", SnapshotSelectionCriteria.Latest, CancellationToken.None));
        await store.DeleteAsync("a", SnapshotSelectionCriteria.Latest, CancellationToken.None);
        Assert.Null(await store.LoadAsync("a", SnapshotSelectionCriteria.Latest, CancellationToken.None));
    }
}
