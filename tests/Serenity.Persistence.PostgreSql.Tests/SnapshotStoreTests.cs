using System.Text;
using Serenity.Persistence.PostgreSql.Tests.Fixture;
using Serenity.Persistence.Snapshots;

namespace Serenity.Persistence.PostgreSql.Tests;

/// <summary>Snapshots: save and replace, load the newest matching, delete by criteria.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SnapshotStoreTests(PostgreSqlFixture fixture)
{
    private static readonly DateTimeOffset s_t0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Load_returns_the_newest_snapshot_with_every_field()
    {
        await using var store = await StoreFactory.SnapshotsAsync(fixture);
        await store.SaveAsync(Snapshot("s", 10, 0), CancellationToken.None);
        await store.SaveAsync(Snapshot("s", 30, 2), CancellationToken.None);
        await store.SaveAsync(Snapshot("s", 20, 1), CancellationToken.None);
        await store.SaveAsync(Snapshot("s-other", 99, 3), CancellationToken.None);

        var latest = await store.LoadAsync("s", SnapshotSelectionCriteria.Latest, CancellationToken.None);

        Assert.Equal(Snapshot("s", 30, 2), latest, SnapshotComparer.Instance);
        Assert.Null(await store.LoadAsync("nobody", SnapshotSelectionCriteria.Latest, CancellationToken.None));
        Assert.Null(await store.LoadAsync("s", SnapshotSelectionCriteria.None, CancellationToken.None));
    }

    [Fact]
    public async Task Load_honours_sequence_nr_and_timestamp_bounds()
    {
        await using var store = await StoreFactory.SnapshotsAsync(fixture);
        foreach (var (seq, minute) in new[] { (10L, 0), (20L, 1), (30L, 2) }) await store.SaveAsync(Snapshot("c", seq, minute), CancellationToken.None);

        Assert.Equal(20, (await store.LoadAsync("c", new SnapshotSelectionCriteria(29), CancellationToken.None))!.SequenceNr);
        Assert.Equal(20, (await store.LoadAsync("c", new SnapshotSelectionCriteria(20), CancellationToken.None))!.SequenceNr);
        Assert.Equal(10, (await store.LoadAsync("c", new SnapshotSelectionCriteria(long.MaxValue, s_t0.AddSeconds(59)), CancellationToken.None))!.SequenceNr);
        Assert.Equal(20, (await store.LoadAsync("c", new SnapshotSelectionCriteria(long.MaxValue, s_t0.AddMinutes(1).ToOffset(TimeSpan.FromHours(-4))), CancellationToken.None))!.SequenceNr);
        Assert.Null(await store.LoadAsync("c", new SnapshotSelectionCriteria(long.MaxValue, s_t0.AddMinutes(3), 31), CancellationToken.None));
        Assert.Null(await store.LoadAsync("c", new SnapshotSelectionCriteria(9), CancellationToken.None));
        Assert.Null(await store.LoadAsync("c", new SnapshotSelectionCriteria(long.MaxValue, s_t0.AddTicks(-10)), CancellationToken.None));
    }

    [Fact]
    public async Task Saving_at_an_existing_sequence_nr_replaces_the_snapshot()
    {
        await using var store = await StoreFactory.SnapshotsAsync(fixture);
        await store.SaveAsync(Snapshot("r", 5, 0, "old"), CancellationToken.None);

        await store.SaveAsync(Snapshot("r", 5, 1, "new"), CancellationToken.None);

        Assert.Equal(Snapshot("r", 5, 1, "new"), await store.LoadAsync("r", SnapshotSelectionCriteria.Latest, CancellationToken.None), SnapshotComparer.Instance);
    }

    [Fact]
    public async Task Delete_removes_only_the_matching_snapshots_of_the_id()
    {
        await using var store = await StoreFactory.SnapshotsAsync(fixture);
        foreach (var seq in new[] { 1L, 2L, 3L, 4L }) await store.SaveAsync(Snapshot("del", seq, (int)seq), CancellationToken.None);
        await store.SaveAsync(Snapshot("del-other", 1, 0), CancellationToken.None);

        await store.DeleteAsync("del", new SnapshotSelectionCriteria(3, null, 2), CancellationToken.None);
        Assert.Equal(4, (await store.LoadAsync("del", SnapshotSelectionCriteria.Latest, CancellationToken.None))!.SequenceNr);
        Assert.Equal(1, (await store.LoadAsync("del", new SnapshotSelectionCriteria(3), CancellationToken.None))!.SequenceNr);

        await store.DeleteAsync("del", new SnapshotSelectionCriteria(long.MaxValue, s_t0.AddMinutes(1)), CancellationToken.None);
        Assert.Equal(4, (await store.LoadAsync("del", SnapshotSelectionCriteria.Latest, CancellationToken.None))!.SequenceNr);
        Assert.Null(await store.LoadAsync("del", new SnapshotSelectionCriteria(3), CancellationToken.None));

        await store.DeleteAsync("del", SnapshotSelectionCriteria.Latest, CancellationToken.None);
        Assert.Null(await store.LoadAsync("del", SnapshotSelectionCriteria.Latest, CancellationToken.None));
        Assert.NotNull(await store.LoadAsync("del-other", SnapshotSelectionCriteria.Latest, CancellationToken.None));
    }

    private static SnapshotRow Snapshot(string id, long seq, int minute, string state = "state") =>
        new(id, seq, s_t0.AddMinutes(minute), "counter-state.v1", Encoding.UTF8.GetBytes($"{state}@{seq}"));

    private sealed class SnapshotComparer : IEqualityComparer<SnapshotRow?>
    {
        public static readonly SnapshotComparer Instance = new();

        public bool Equals(SnapshotRow? x, SnapshotRow? y) =>
            x is not null && y is not null && x.PersistenceId == y.PersistenceId && x.SequenceNr == y.SequenceNr
            && x.Created == y.Created && x.Manifest == y.Manifest && x.Payload.Span.SequenceEqual(y.Payload.Span);

        public int GetHashCode(SnapshotRow? obj) => obj is null ? 0 : HashCode.Combine(obj.PersistenceId, obj.SequenceNr);
    }
}
