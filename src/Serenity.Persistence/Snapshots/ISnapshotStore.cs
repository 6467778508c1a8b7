namespace Serenity.Persistence.Snapshots;

/// <summary>
/// A stored snapshot, serialized. The payload handed to <see cref="ISnapshotStore.SaveAsync"/> lives in a pooled buffer
/// that is reused once the save completes: a store that keeps it must copy it.
/// </summary>
public sealed record SnapshotRow(string PersistenceId, long SequenceNr, DateTimeOffset Created, string Manifest, ReadOnlyMemory<byte> Payload)
{
    /// <summary>
    /// The snapshot itself, for a store that keeps objects (<see cref="ISnapshotObjectStore"/>; <see cref="Payload"/> is
    /// then empty); null for every store that keeps bytes.
    /// </summary>
    public object? Snapshot { get; init; }
}

/// <summary>Which snapshots a load or delete concerns: sequence nr and timestamp bounds (inclusive).</summary>
public sealed record SnapshotSelectionCriteria(long MaxSequenceNr, DateTimeOffset? MaxTimestamp = null, long MinSequenceNr = 0)
{
    /// <summary>The newest snapshot.</summary>
    public static readonly SnapshotSelectionCriteria Latest = new(long.MaxValue);

    /// <summary>No snapshot (recovery replays every event).</summary>
    public static readonly SnapshotSelectionCriteria None = new(0, null, 1);

    /// <summary>True if <paramref name="row"/> is selected.</summary>
    public bool Matches(SnapshotRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.SequenceNr <= MaxSequenceNr && row.SequenceNr >= MinSequenceNr && (MaxTimestamp is null || row.Created <= MaxTimestamp);
    }
}

/// <summary>The snapshot-store plugin contract.</summary>
public interface ISnapshotStore : IAsyncDisposable
{
    /// <summary>Creates the schema if absent; called before any other method (again if it failed).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Saves (or replaces) the snapshot at (persistence id, sequence nr). The payload's memory is the caller's again once the task completes.</summary>
    Task SaveAsync(SnapshotRow snapshot, CancellationToken cancellationToken);

    /// <summary>The newest snapshot matching <paramref name="criteria"/>, or null.</summary>
    Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken);

    /// <summary>Deletes every snapshot matching <paramref name="criteria"/>.</summary>
    Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken);
}
