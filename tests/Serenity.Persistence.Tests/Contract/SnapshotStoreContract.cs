using System.Text;
using Serenity.Persistence.Snapshots;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>The snapshot-store plugin contract (<see cref="ISnapshotStore"/>), store level.</summary>
public abstract class SnapshotStoreContract(PluginUnderTest plugin) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
    private ISnapshotStore? _store;

    private ISnapshotStore Store => _store ?? throw new InvalidOperationException("not initialized");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _store = plugin.CreateSnapshotStore();
        await _store.InitializeAsync(CancellationToken.None);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        plugin.Dispose();
    }

    [Fact]
    public async Task The_latest_snapshot_is_loaded_with_everything_stored()
    {
        await SaveAsync("p", 3, 1);
        await SaveAsync("p", 10, 2);
        await SaveAsync("p", 7, 3);
        await SaveAsync("q", 20, 4);

        var latest = await LoadAsync("p", SnapshotSelectionCriteria.Latest);

        Assert.NotNull(latest);
        Assert.Equal(("p", 10L, "test-snapshot.v1", "p-10", T0.AddSeconds(2)), (latest.PersistenceId, latest.SequenceNr, latest.Manifest, Encoding.UTF8.GetString(latest.Payload.Span), latest.Created));
    }

    [Fact]
    public async Task Without_a_matching_snapshot_nothing_is_loaded()
    {
        await SaveAsync("q", 5, 1);

        Assert.Null(await LoadAsync("p", SnapshotSelectionCriteria.Latest));
        Assert.Null(await LoadAsync("q", SnapshotSelectionCriteria.None));
        Assert.Null(await LoadAsync("q", new SnapshotSelectionCriteria(4)));
    }

    [Fact]
    public async Task Loading_respects_the_sequence_nr_and_timestamp_bounds()
    {
        await SaveAsync("p", 3, 1);
        await SaveAsync("p", 7, 2);
        await SaveAsync("p", 10, 3);

        Assert.Equal(7, (await LoadAsync("p", new SnapshotSelectionCriteria(9)))?.SequenceNr);
        Assert.Equal(7, (await LoadAsync("p", new SnapshotSelectionCriteria(long.MaxValue, T0.AddSeconds(2))))?.SequenceNr);
        Assert.Equal(3, (await LoadAsync("p", new SnapshotSelectionCriteria(long.MaxValue, T0.AddSeconds(1.5))))?.SequenceNr);
        Assert.Null(await LoadAsync("p", new SnapshotSelectionCriteria(9, MinSequenceNr: 8)));
        Assert.Equal(10, (await LoadAsync("p", new SnapshotSelectionCriteria(long.MaxValue, MinSequenceNr: 4)))?.SequenceNr);
    }

    [Fact]
    public async Task Saving_at_the_same_sequence_nr_replaces_the_snapshot()
    {
        await SaveAsync("p", 5, 1, "old");
        await SaveAsync("p", 5, 2, "new");

        var loaded = await LoadAsync("p", SnapshotSelectionCriteria.Latest);

        Assert.Equal("new", Encoding.UTF8.GetString(loaded!.Payload.Span));
        Assert.Equal(T0.AddSeconds(2), loaded.Created);
    }

    [Fact]
    public async Task A_saved_payload_is_kept_by_value_when_the_caller_reuses_its_buffer()
    {
        // The snapshot store serializes into a pooled buffer and reuses it once the save has completed.
        var buffer = new byte[64];
        var written = Encoding.UTF8.GetBytes("the snapshot", buffer);
        await Store.SaveAsync(new SnapshotRow("p", 4, T0, "test-snapshot.v1", buffer.AsMemory(0, written)), CancellationToken.None);
        Encoding.UTF8.GetBytes("overwritten!", buffer);

        var loaded = await LoadAsync("p", SnapshotSelectionCriteria.Latest);

        Assert.Equal("the snapshot", Encoding.UTF8.GetString(loaded!.Payload.Span));
    }

    [Fact]
    public async Task Deleting_removes_the_matching_snapshots_of_that_id_only()
    {
        await SaveAsync("p", 3, 1);
        await SaveAsync("p", 7, 2);
        await SaveAsync("p", 10, 3);
        await SaveAsync("q", 3, 1);

        await Store.DeleteAsync("p", new SnapshotSelectionCriteria(7, MinSequenceNr: 4), CancellationToken.None);
        Assert.Equal(3, (await LoadAsync("p", new SnapshotSelectionCriteria(9)))?.SequenceNr);

        await Store.DeleteAsync("p", SnapshotSelectionCriteria.Latest, CancellationToken.None);
        Assert.Null(await LoadAsync("p", SnapshotSelectionCriteria.Latest));
        Assert.Equal(3, (await LoadAsync("q", SnapshotSelectionCriteria.Latest))?.SequenceNr);
    }

    private Task SaveAsync(string persistenceId, long sequenceNr, int secondsAfterT0, string? payload = null) =>
        Store.SaveAsync(new SnapshotRow(persistenceId, sequenceNr, T0.AddSeconds(secondsAfterT0), "test-snapshot.v1", Encoding.UTF8.GetBytes(payload ?? $"{persistenceId}-{sequenceNr}")), CancellationToken.None);

    private Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria) => Store.LoadAsync(persistenceId, criteria, CancellationToken.None);
}
