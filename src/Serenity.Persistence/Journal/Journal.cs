using System.Threading.Channels;
using Serenity.Actors;
using Serenity.Persistence.Serialization;

namespace Serenity.Persistence.Journal;

/// <summary>
/// The front of the journal that persistent actors talk to. Writes from many actors are batched:
/// one loop takes every pending request (up to <c>max-batch-size</c> events) and writes them in one
/// transaction; each actor then hears about its own events, in order. If a batch collides, its
/// atomic writes are retried one by one, so only the colliding writer fails.
/// Replays and other reads run concurrently with the writer. A store that keeps event objects
/// (<see cref="IEventObjectJournalStore"/>) gets the events unserialized, written on the caller's thread.
/// </summary>
public sealed partial class Journal : IAsyncDisposable
{
    private readonly IJournalStore _store;
    private readonly EventSerialization _serialization;
    private readonly TimeProvider _clock;
    private readonly int _maxBatchEvents;
    private readonly StoreInitialization _initialization;
    private readonly Channel<WriteRequest> _requests = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly ILoggingAdapter _log;
    private readonly bool _keepsObjects;
    private int _queued; // requests in the channel or being written from it

    // The writer loop's scratch lists, reused batch after batch (one loop, one batch at a time; stores do not keep them).
    private readonly List<PlannedWrite> _planned = [];
    private readonly List<IReadOnlyList<JournalRow>> _toWrite = [];
    private volatile bool _shutDown;

    internal Journal(IJournalStore store, EventSerialization serialization, TimeProvider clock, int maxBatchEvents, ILoggingAdapter log)
    {
        _store = store;
        _serialization = serialization;
        _clock = clock;
        _maxBatchEvents = maxBatchEvents;
        _log = log;
        _keepsObjects = store is IEventObjectJournalStore;
        _initialization = new StoreInitialization(() => store.InitializeAsync(CancellationToken.None));
        _writer = Task.Run(RunWriterAsync);
    }

    /// <summary>The storage plugin.</summary>
    public IJournalStore Store => _store;

    /// <summary>Completes once the store's schema exists (after a failure, the next call tries again).</summary>
    public Task Initialized => _initialization.Task;

    internal void Write(WriteRequest request)
    {
        // In memory and nothing queued ahead (an actor's writes must stay in order): write here, no thread hop.
        if (_keepsObjects && Volatile.Read(ref _queued) == 0 && !_shutDown && Initialized.IsCompletedSuccessfully && TryWriteHere(request)) return;
        Interlocked.Increment(ref _queued);
        if (!_requests.Writer.TryWrite(request))
        {
            Interlocked.Decrement(ref _queued);
            Reply(request, ws => new WriteMessageFailure(ws.Payload, ws.SequenceNr, new ObjectDisposedException("journal", "the journal is shut down"), request.InstanceId));
        }
    }

    internal void Replay(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, IActorRef replyTo, int instanceId) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await Initialized.ConfigureAwait(false);
                var highest = await _store.ReadHighestSequenceNrAsync(persistenceId, CancellationToken.None).ConfigureAwait(false);
                var to = Math.Min(toSequenceNr, highest);
                if (fromSequenceNr <= to && max > 0)
                {
                    await _store.ReplayAsync(persistenceId, fromSequenceNr, to, max, row =>
                        replyTo.Tell(new ReplayedMessage(EventOf(row), row.SequenceNr, instanceId), null),
                        CancellationToken.None).ConfigureAwait(false);
                }
                replyTo.Tell(new RecoverySuccess(highest, instanceId), null);
            }
            catch (Exception e)
            {
                replyTo.Tell(new ReplayFailure(e, instanceId), null);
            }
        });

    internal void DeleteMessagesTo(string persistenceId, long toSequenceNr, IActorRef replyTo) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await Initialized.ConfigureAwait(false);
                await _store.DeleteMessagesToAsync(persistenceId, toSequenceNr, CancellationToken.None).ConfigureAwait(false);
                replyTo.Tell(new DeleteMessagesSuccess(toSequenceNr), null);
            }
            catch (Exception e)
            {
                replyTo.Tell(new DeleteMessagesFailure(e, toSequenceNr), null);
            }
        });

    /// <summary>Events carrying <paramref name="tag"/> after <paramref name="afterOffset"/>, oldest first (the read side).</summary>
    public async Task<IReadOnlyList<EventEnvelope>> EventsByTagAsync(string tag, long afterOffset, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        await Initialized.ConfigureAwait(false);
        var rows = await _store.ReadTaggedAsync(tag, afterOffset, max, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new EventEnvelope(r.Ordering, r.PersistenceId, r.SequenceNr, EventOf(r), r.Created)).ToList();
    }

    /// <summary>Stops taking writes, finishes the ones queued, and disposes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        _shutDown = true;
        _requests.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RunWriterAsync()
    {
        var batch = new List<WriteRequest>();
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var events = 0;
            while (events < _maxBatchEvents && _requests.Reader.TryRead(out var request))
            {
                batch.Add(request);
                events += request.EventCount;
            }
            await WriteBatchAsync(batch).ConfigureAwait(false);
            Interlocked.Add(ref _queued, -batch.Count);
        }
    }

    private async Task WriteBatchAsync(List<WriteRequest> batch)
    {
        var now = _clock.GetUtcNow();
        var planned = _planned;
        planned.Clear();
        var deferred = true; // the batch is one transaction: synced if any of its writes must be
        foreach (var request in batch)
        {
            deferred &= request.Deferrable;
            for (var i = 0; i < request.Writes.Count; i++)
            {
                var write = request.Writes[i];
                try
                {
                    planned.Add(new PlannedWrite(Rows(request, write, now), null));
                }
                catch (Exception e)
                {
                    planned.Add(new PlannedWrite(null, new RejectedWrite(e))); // cannot be serialized: rejected, the actor goes on
                }
            }
        }
        var toWrite = _toWrite;
        toWrite.Clear();
        foreach (var p in planned)
        {
            if (p.Rows is not null) toWrite.Add(p.Rows);
        }
        try
        {
            await Initialized.ConfigureAwait(false);
            await WriteToStore(toWrite, deferred).ConfigureAwait(false);
        }
        catch (JournalCollisionException) when (toWrite.Count > 1)
        {
            // Find the colliding writer(s); the others must not pay for them.
            for (var i = 0; i < planned.Count; i++)
            {
                if (planned[i].Rows is not { } rows) continue;
                try
                {
                    await WriteToStore([rows], deferred).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    planned[i] = planned[i] with { Outcome = e };
                }
            }
        }
        catch (Exception e)
        {
            _log.Error(e, $"Journal write of {toWrite.Count} atomic writes failed: {e.Message}");
            for (var i = 0; i < planned.Count; i++)
            {
                if (planned[i].Rows is not null) planned[i] = planned[i] with { Outcome = e };
            }
        }
        var next = 0;
        foreach (var request in batch) next = Reply(request, planned, next);
    }

    private Task WriteToStore(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, bool deferred) => deferred
        ? _store.WriteDeferredAsync(atomicWrites, CancellationToken.None)
        : _store.WriteAsync(atomicWrites, CancellationToken.None);

    // A loop, not LINQ: every persisted event passes here (a closure, a delegate and an iterator per atomic write before).
    private JournalRow[] Rows(WriteRequest request, AtomicWrite write, DateTimeOffset now)
    {
        var rows = new JournalRow[write.Events.Count];
        for (var i = 0; i < rows.Length; i++) rows[i] = ToRow(request, write.Events[i], now);
        return rows;
    }

    private JournalRow ToRow(WriteRequest request, PendingEvent e, DateTimeOffset now)
    {
        if (_keepsObjects) return ObjectRow(request, e, now);
        var (manifest, payload) = _serialization.Serialize(e.Payload);
        return new JournalRow(request.PersistenceId, e.SequenceNr, manifest, payload, e.Tags, request.WriterId, now);
    }

    private object EventOf(JournalRow row) => row.Event ?? _serialization.Deserialize(row.Manifest, row.Payload, row.PersistenceId, row.SequenceNr);

    // Tells the request's writer how each of its atomic writes went; `planned` holds them from `first` on, in order.
    private static int Reply(WriteRequest request, List<PlannedWrite> planned, int first)
    {
        var next = first;
        for (var w = 0; w < request.Writes.Count; w++)
        {
            var outcome = planned[next++].Outcome;
            var events = request.Writes[w].Events;
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                object message = outcome switch
                {
                    null => new WriteMessageSuccess(e.Payload, e.SequenceNr, request.InstanceId),
                    RejectedWrite r => new WriteMessageRejected(e.Payload, e.SequenceNr, r.InnerException!, request.InstanceId),
                    _ => new WriteMessageFailure(e.Payload, e.SequenceNr, outcome, request.InstanceId),
                };
                request.ReplyTo.Tell(message, null);
            }
        }
        return next;
    }

    private static void Reply(WriteRequest request, Func<PendingEvent, object> message)
    {
        foreach (var write in request.Writes)
        {
            foreach (var e in write.Events) request.ReplyTo.Tell(message(e), null);
        }
    }

    /// <summary>Marks a write rejected before it reached the store.</summary>
    private sealed class RejectedWrite(Exception cause) : Exception(cause.Message, cause);

    /// <summary>One atomic write of a batch: its rows (null when it could not be serialized) and how it went (null: written).</summary>
    private readonly record struct PlannedWrite(JournalRow[]? Rows, Exception? Outcome);
}
