using Serenity.Hocon;

namespace Serenity.Persistence.Snapshots;

/// <summary>Snapshots in process memory: for tests and simulations.</summary>
public sealed class MemorySnapshotStore : ISnapshotStore
{
    private readonly object _gate = new();
    private readonly List<SnapshotRow> _rows = [];

    /// <summary>Created by the plugin loader with its config section (unused).</summary>
    public MemorySnapshotStore(Config config)
    {
    }

    /// <summary>Creates an empty store.</summary>
    public MemorySnapshotStore()
    {
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task SaveAsync(SnapshotRow snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            _rows.RemoveAll(r => r.PersistenceId == snapshot.PersistenceId && r.SequenceNr == snapshot.SequenceNr);
            _rows.Add(snapshot with { Payload = snapshot.Payload.ToArray() }); // the caller reuses the payload's buffer
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        lock (_gate)
        {
            return Task.FromResult(_rows
                .Where(r => r.PersistenceId == persistenceId && criteria.Matches(r))
                .OrderByDescending(r => r.SequenceNr)
                .FirstOrDefault());
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        lock (_gate) _rows.RemoveAll(r => r.PersistenceId == persistenceId && criteria.Matches(r));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
