using Serenity.Actors;
using Serenity.Persistence.Serialization;

namespace Serenity.Persistence.Snapshots;

/// <summary>The front of the snapshot store that persistent actors talk to; answers arrive as messages.</summary>
public sealed class SnapshotStore : IAsyncDisposable
{
    private readonly ISnapshotStore _store;
    private readonly EventSerialization _serialization;
    private readonly TimeProvider _clock;
    private readonly StoreInitialization _initialization;

    internal SnapshotStore(ISnapshotStore store, EventSerialization serialization, TimeProvider clock)
    {
        _store = store;
        _serialization = serialization;
        _clock = clock;
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
                : new SnapshotOffer(new SnapshotMetadata(row.PersistenceId, row.SequenceNr, row.Created), _serialization.Deserialize(row.Manifest, row.Payload, row.PersistenceId, row.SequenceNr));
            return new LoadSnapshotResult(offer, instanceId);
        }, e => new LoadSnapshotFailed(e, instanceId));

    internal void Save(string persistenceId, long sequenceNr, object snapshot, IActorRef replyTo)
    {
        var metadata = new SnapshotMetadata(persistenceId, sequenceNr, _clock.GetUtcNow());
        Run(replyTo, async () =>
        {
            var (manifest, payload) = _serialization.Serialize(snapshot);
            await _store.SaveAsync(new SnapshotRow(persistenceId, sequenceNr, metadata.Timestamp, manifest, payload), CancellationToken.None).ConfigureAwait(false);
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
    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private void Run(IActorRef replyTo, Func<Task<object>> operation, Func<Exception, object> failure) =>
        _ = Task.Run(async () =>
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
