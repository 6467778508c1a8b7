using Serenity.Hocon;
using Serenity.Persistence.Snapshots;

namespace Serenity.Persistence.Tests;

/// <summary>The memory snapshot store declared as keeping objects: the front hands it snapshots unserialized.</summary>
public sealed class ObjectKeepingSnapshotStore : ISnapshotObjectStore
{
    private readonly MemorySnapshotStore _inner = new();

    /// <summary>Created by the plugin loader (no settings).</summary>
    public ObjectKeepingSnapshotStore(Config config) => ArgumentNullException.ThrowIfNull(config);

    /// <summary>Creates an empty store.</summary>
    public ObjectKeepingSnapshotStore()
    {
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _inner.InitializeAsync(cancellationToken);

    public Task SaveAsync(SnapshotRow snapshot, CancellationToken cancellationToken) => _inner.SaveAsync(snapshot, cancellationToken);

    public Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken) =>
        _inner.LoadAsync(persistenceId, criteria, cancellationToken);

    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken) => _inner.DeleteAsync(persistenceId, criteria, cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
