using Serenity.Actors;
using Serenity.Persistence.Serialization;

namespace Serenity.Persistence.Snapshots;

/// <summary>
/// The front of the snapshot store that persistent actors talk to; answers arrive as messages. Saves run one at a
/// time; disposing waits for the operations already started, so a snapshot taken before shutdown is stored. A store
/// that keeps objects (<see cref="ISnapshotObjectStore"/>) gets the snapshot unserialized.
/// </summary>
public sealed class SnapshotStore : IAsyncDisposable
{
    private readonly ISnapshotStore _store;
    private readonly EventSerialization _serialization;
    private readonly TimeProvider _clock;
    private readonly StoreInitialization _initialization;
    private readonly PendingOperations _pending = new();
    private readonly bool _keepsObjects;

    // One save at a time, waited for asynchronously (no thread blocked): entities that reach snapshot-every together
    // (users trading in step) otherwise serialized and wrote their snapshots all at once, each holding a pool thread
    // (and in SQLite queuing on the file's write lock), and every order stalled behind them for up to 2.5 s.
    private readonly SemaphoreSlim _oneSaveAtATime = new(1, 1);

    internal SnapshotStore(ISnapshotStore store, EventSerialization serialization, TimeProvider clock)
    {
        _store = store;
        _serialization = serialization;
        _clock = clock;
        _keepsObjects = store is ISnapshotObjectStore;
        _initialization = new StoreInitialization(() => store.InitializeAsync(CancellationToken.None));
    }

    /// <summary>The storage plugin.</summary>
    public ISnapshotStore Store => _store;

    internal void Load(string persistenceId, SnapshotSelectionCriteria criteria, IActorRef replyTo, int instanceId) =>
        Run(replyTo, async () =>
        {
            var row = await _store.LoadAsync(persistenceId, criteria, CancellationToken.None).ConfigureAwait(false);
            SnapshotOffer? offer = row is null
                ? null
                : new SnapshotOffer(new SnapshotMetadata(row.PersistenceId, row.SequenceNr, row.Created), row.Snapshot ?? _serialization.Deserialize(row.Manifest, row.Payload, row.PersistenceId, row.SequenceNr));
            return new LoadSnapshotResult(offer, instanceId);
        }, e => new LoadSnapshotFailed(e, instanceId));

    internal void Save(string persistenceId, long sequenceNr, object snapshot, IActorRef replyTo)
    {
        var metadata = new SnapshotMetadata(persistenceId, sequenceNr, _clock.GetUtcNow());
        Run(replyTo, async () =>
        {
            await _oneSaveAtATime.WaitAsync().ConfigureAwait(false);
            using var payload = new PooledBufferWriter();
            try
            {
                await _store.SaveAsync(RowOf(persistenceId, sequenceNr, metadata.Timestamp, snapshot, payload), CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _oneSaveAtATime.Release();
            }
            return new SaveSnapshotSuccess(metadata);
        }, e => new SaveSnapshotFailure(metadata, e));
    }

    internal void Delete(string persistenceId, SnapshotSelectionCriteria criteria, IActorRef replyTo) =>
        Run(replyTo, async () =>
        {
            await _store.DeleteAsync(persistenceId, criteria, CancellationToken.None).ConfigureAwait(false);
            return new DeleteSnapshotsSuccess(criteria);
        }, e => new DeleteSnapshotsFailure(criteria, e));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _pending.WhenAllFinished().ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
        _oneSaveAtATime.Dispose();
    }

    private SnapshotRow RowOf(string persistenceId, long sequenceNr, DateTimeOffset created, object snapshot, PooledBufferWriter payload)
    {
        if (_keepsObjects) return new SnapshotRow(persistenceId, sequenceNr, created, _serialization.ManifestOf(snapshot.GetType()), ReadOnlyMemory<byte>.Empty) { Snapshot = snapshot };
        var manifest = _serialization.SerializeTo(snapshot, payload);
        return new SnapshotRow(persistenceId, sequenceNr, created, manifest, payload.WrittenMemory);
    }

    private void Run(IActorRef replyTo, Func<Task<object>> operation, Func<Exception, object> failure) =>
        _pending.Run(async () =>
        {
            object answer;
            try
            {
                await _initialization.Task.ConfigureAwait(false);
                answer = await operation().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                answer = failure(e);
            }
            replyTo.Tell(answer, null);
        });
}
