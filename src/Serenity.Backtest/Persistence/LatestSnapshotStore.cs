using Serenity.Hocon;
using Serenity.Persistence.Snapshots;

namespace Serenity.Backtest.Persistence;

/// <summary>
/// The backtest's snapshot store: in memory, only the newest snapshot of each persistence id (recovery loads the newest;
/// older ones would only hold memory: an account's snapshot carries its order and trade history). It keeps the snapshots
/// as objects (<see cref="ISnapshotObjectStore"/>): nothing is serialized, as nothing leaves the run.
/// </summary>
public sealed class LatestSnapshotStore : ISnapshotObjectStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SnapshotRow> _latest = new(StringComparer.Ordinal);

    /// <summary>Created by the plugin loader with its config section (unused).</summary>
    public LatestSnapshotStore(Config config) => ArgumentNullException.ThrowIfNull(config);

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task SaveAsync(SnapshotRow snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            if (!_latest.TryGetValue(snapshot.PersistenceId, out var old) || old.SequenceNr <= snapshot.SequenceNr) _latest[snapshot.PersistenceId] = snapshot;
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        lock (_gate) return Task.FromResult(_latest.TryGetValue(persistenceId, out var row) && criteria.Matches(row) ? row : null);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        lock (_gate)
        {
            if (_latest.TryGetValue(persistenceId, out var row) && criteria.Matches(row)) _latest.Remove(persistenceId);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
