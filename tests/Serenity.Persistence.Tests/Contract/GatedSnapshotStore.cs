using Serenity.Actors;
using Serenity.Hocon;
using Serenity.Persistence.Snapshots;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>
/// A snapshot plugin for tests that keeps snapshots in memory and holds every save at a gate until the test lets it
/// through, counting how many saves are inside the store at once and whether the store was disposed during one.
/// </summary>
public sealed class GatedSnapshotStore : ISnapshotStore
{
    private readonly MemorySnapshotStore _inner = new();
    private readonly object _gate = new();
    private readonly Queue<TaskCompletionSource> _held = new();
    private TaskCompletionSource _saveWaiting = NewSignal();
    private readonly TaskCompletionSource _disposed = NewSignal();
    private int _saving;

    /// <summary>Created by the plugin loader with its config section (unused).</summary>
    public GatedSnapshotStore(Config config)
    {
    }

    /// <summary>The most saves that were inside the store at the same time.</summary>
    public int MostConcurrentSaves { get; private set; }

    /// <summary>True if the store was disposed while a save was inside it.</summary>
    public bool DisposedDuringSave { get; private set; }

    /// <summary>Completes once the store is disposed.</summary>
    public Task Disposed => _disposed.Task;

    /// <summary>The store the system of <paramref name="system"/> uses (its snapshot plugin must be this one).</summary>
    public static GatedSnapshotStore Of(ActorSystem system) => (GatedSnapshotStore)Persistence.Get(system).Snapshots.Store;

    /// <summary>The HOCON section that selects this plugin.</summary>
    public static string Section => $"class = {PluginConfig.Quote(PluginConfig.ClassName(typeof(GatedSnapshotStore)))}";

    /// <summary>Completes once a save waits at the gate (the next one after the last <see cref="ReleaseOne"/>).</summary>
    public Task SaveWaiting
    {
        get
        {
            lock (_gate) return _saveWaiting.Task;
        }
    }

    /// <summary>Lets the oldest waiting save through.</summary>
    public void ReleaseOne()
    {
        lock (_gate)
        {
            _saveWaiting = _held.Count > 1 ? _saveWaiting : NewSignal();
            _held.Dequeue().SetResult();
            if (_held.Count > 0) _saveWaiting.TrySetResult();
        }
    }

    /// <summary>The newest stored snapshot of <paramref name="persistenceId"/>, or null.</summary>
    public Task<SnapshotRow?> LatestAsync(string persistenceId) => _inner.LoadAsync(persistenceId, SnapshotSelectionCriteria.Latest, CancellationToken.None);

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => _inner.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public async Task SaveAsync(SnapshotRow snapshot, CancellationToken cancellationToken)
    {
        var pass = NewSignal();
        lock (_gate)
        {
            MostConcurrentSaves = Math.Max(MostConcurrentSaves, ++_saving);
            _held.Enqueue(pass);
            _saveWaiting.TrySetResult();
        }
        await pass.Task.ConfigureAwait(false);
        await _inner.SaveAsync(snapshot, cancellationToken).ConfigureAwait(false);
        lock (_gate) _saving--;
    }

    /// <inheritdoc />
    public Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken) =>
        _inner.LoadAsync(persistenceId, criteria, cancellationToken);

    /// <inheritdoc />
    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken) =>
        _inner.DeleteAsync(persistenceId, criteria, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            DisposedDuringSave = _saving > 0;
            while (_held.Count > 0) _held.Dequeue().SetResult(); // a buggy front must not leave the shutdown hanging
        }
        _disposed.TrySetResult();
        return ValueTask.CompletedTask;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
