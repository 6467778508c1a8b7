using Serenity.Actors;
using Serenity.Persistence.Snapshots;

namespace Serenity.Persistence;

/// <summary>
/// An event-sourced actor (Akka's <c>Eventsourced</c>). On start it recovers: the latest snapshot,
/// then every newer event, through <see cref="ReceiveRecover"/>; commands arriving meanwhile wait.
/// A command handler calls <see cref="Persist{TEvent}"/>: the event is written, and only once it is
/// durable does its handler run (with the command's sender); commands arriving in between are
/// stashed, so state and replies follow the journal's order. <c>PersistAsync</c> does not stash. "Durable" is on disk
/// unless the call asks for <see cref="WriteDurability.Deferred"/> (in the journal, on disk with its next synced write).
/// A failed write stops the actor (its supervisor decides what next); a rejected event (it cannot be
/// serialized) is reported and the actor goes on.
/// </summary>
public abstract class PersistentActorBase : ActorBase
{
    private static int s_instanceCounter;
    private readonly Persistence _persistence;
    private readonly ActorStash _internalStash;
    private readonly int _instanceId = Interlocked.Increment(ref s_instanceCounter);
    private readonly string _writerId = Guid.NewGuid().ToString("N");
    private readonly Queue<Invocation> _pending = new();
    private AtomicWrite? _firstUnflushed; // one atomic write per command is the rule: a list only for more
    private List<AtomicWrite>? _moreUnflushed;
    private int _pendingStashing;
    private long _sequenceNr;
    private bool _inReceive;
    private Phase _phase = Phase.RecoveringSnapshot;

    /// <summary>Binds the actor to its system's persistence extension.</summary>
    protected PersistentActorBase()
    {
        _persistence = Persistence.Get(Context.System);
        _internalStash = new ActorStash(Cell);
    }

    private enum Phase
    {
        RecoveringSnapshot,
        Replaying,
        Running,
    }

    /// <summary>The entity's stable id in the journal (e.g. <c>ticker-AAPL</c>).</summary>
    public abstract string PersistenceId { get; }

    /// <summary>Sequence number of the last event persisted or replayed.</summary>
    public long LastSequenceNr { get; private set; }

    /// <summary>Sequence number of the snapshot recovery started from (0 if none).</summary>
    public long SnapshotSequenceNr { get; private set; }

    /// <summary>True until <see cref="RecoveryCompleted"/> has been handled.</summary>
    public bool IsRecovering => _phase != Phase.Running;

    /// <summary>How to recover; by default the latest snapshot and all newer events.</summary>
    protected virtual Recovery Recovery => Recovery.Default;

    /// <summary>Handles snapshot offers, replayed events and finally <see cref="RecoveryCompleted"/>.</summary>
    protected abstract bool ReceiveRecover(object message);

    /// <summary>Handles commands.</summary>
    protected abstract bool ReceiveCommand(object message);

    /// <summary>Tags stored with an event, for tag queries (the read side). None by default.</summary>
    protected virtual IReadOnlyList<string> TagsFor(object @event) => [];

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message) => ReceiveCommand(message);

    /// <summary>Persists one event; <paramref name="handler"/> runs once it is durable. Commands wait meanwhile.</summary>
    protected void Persist<TEvent>(TEvent @event, Action<TEvent> handler) => AddOne(@event, handler, stashing: true, WriteDurability.Synced);

    /// <summary>
    /// Persists one event; <paramref name="handler"/> runs once it is as durable as <paramref name="durability"/> says
    /// (<see cref="WriteDurability.Deferred"/>: in the journal, on disk with its next synced write). Commands wait meanwhile.
    /// </summary>
    protected void Persist<TEvent>(TEvent @event, WriteDurability durability, Action<TEvent> handler) => AddOne(@event, handler, stashing: true, durability);

    /// <summary>Persists events atomically (all or none); the handler runs for each once they are durable.</summary>
    protected void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) => Add(events, handler, stashing: true, WriteDurability.Synced);

    /// <summary>Persists events atomically; the handler runs for each once they are as durable as <paramref name="durability"/> says.</summary>
    protected void PersistAll<TEvent>(IEnumerable<TEvent> events, WriteDurability durability, Action<TEvent> handler) => Add(events, handler, stashing: true, durability);

    /// <summary>Persists one event without holding back commands; the handler still runs in order, once durable.</summary>
    protected void PersistAsync<TEvent>(TEvent @event, Action<TEvent> handler) => AddOne(@event, handler, stashing: false, WriteDurability.Synced);

    /// <summary>Persists events atomically without holding back commands.</summary>
    protected void PersistAllAsync<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) => Add(events, handler, stashing: false, WriteDurability.Synced);

    /// <summary>Runs <paramref name="handler"/> after every event persisted so far has been handled, without persisting anything.</summary>
    protected void DeferAsync<TEvent>(TEvent @event, Action<TEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_pending.Count == 0)
        {
            handler(@event);
            return;
        }
        _pending.Enqueue(new Invocation<TEvent>(@event, handler, Stashing: false, Deferred: true, Cell.CurrentSender));
    }

    /// <summary>Saves <paramref name="snapshot"/> at <see cref="LastSequenceNr"/>; the answer arrives as a command.</summary>
    protected void SaveSnapshot(object snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _persistence.Snapshots.Save(PersistenceId, LastSequenceNr, snapshot, Self);
    }

    /// <summary>Deletes events up to <paramref name="toSequenceNr"/>; the answer arrives as a command.</summary>
    protected void DeleteMessages(long toSequenceNr) => _persistence.Journal.DeleteMessagesTo(PersistenceId, toSequenceNr, Self);

    /// <summary>Deletes snapshots matching <paramref name="criteria"/>; the answer arrives as a command.</summary>
    protected void DeleteSnapshots(SnapshotSelectionCriteria criteria) => _persistence.Snapshots.Delete(PersistenceId, criteria, Self);

    /// <summary>Recovery failed (storage error, unreadable event, or a recovery handler threw): logged, then the actor stops.</summary>
    protected virtual void OnRecoveryFailure(Exception cause, object? @event) =>
        Context.GetLogger().Error(cause, $"Recovery of '{PersistenceId}' failed{(@event is null ? "" : $" at event [{@event.GetType().Name}] (sequence nr {LastSequenceNr})")}: {cause.Message}");

    /// <summary>A write failed: logged, then the actor stops (the supervisor decides what next).</summary>
    protected virtual void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        Context.GetLogger().Error(cause, $"Failed to persist event [{@event.GetType().Name}] with sequence nr {sequenceNr} for '{PersistenceId}': {cause.Message}");

    /// <summary>An event was rejected (e.g. it cannot be serialized): logged; the actor goes on.</summary>
    protected virtual void OnPersistRejected(Exception cause, object @event, long sequenceNr) =>
        Context.GetLogger().Warning($"Rejected to persist event [{@event.GetType().Name}] with sequence nr {sequenceNr} for '{PersistenceId}': {cause.Message}");

    internal override void AroundPreStart()
    {
        StartRecovery();
        base.AroundPreStart();
    }

    internal override void AroundPostRestart(Exception reason)
    {
        StartRecovery();
        base.AroundPostRestart(reason);
    }

    internal override void AroundPreRestart(Exception reason, object? message)
    {
        _internalStash.UnstashAll(); // held-back commands go to the new instance
        base.AroundPreRestart(reason, message);
    }

    internal override void AroundPostStop()
    {
        // Held-back commands (e.g. those that waited for a recovery that failed) go back to the mailbox,
        // which the kernel drains to dead letters once the actor has stopped: none is lost silently.
        _internalStash.UnstashAll();
        base.AroundPostStop();
    }

    internal override bool AroundReceive(Receive? behavior, object message)
    {
        switch (_phase)
        {
            case Phase.RecoveringSnapshot:
                OnRecoveringSnapshot(message);
                return true;
            case Phase.Replaying:
                OnReplaying(message);
                return true;
        }
        if (message is IJournalResponse response)
        {
            OnJournalResponse(response);
            return true;
        }
        if (_pendingStashing > 0)
        {
            _internalStash.Stash();
            return true;
        }
        _inReceive = true;
        try
        {
            return base.AroundReceive(behavior, message);
        }
        finally
        {
            _inReceive = false;
            Flush(); // all events of one command go to the journal together
        }
    }

    private void StartRecovery()
    {
        _phase = Phase.RecoveringSnapshot;
        _persistence.Snapshots.Load(PersistenceId, Recovery.FromSnapshot, Self, _instanceId);
    }

    private void OnRecoveringSnapshot(object message)
    {
        switch (message)
        {
            case LoadSnapshotResult r when r.InstanceId == _instanceId:
                if (r.Offer is { } offer)
                {
                    LastSequenceNr = _sequenceNr = SnapshotSequenceNr = offer.Metadata.SequenceNr;
                    if (!RunRecoveryHandler(offer, offer.Snapshot)) return;
                }
                _phase = Phase.Replaying;
                _persistence.Journal.Replay(PersistenceId, LastSequenceNr + 1, Recovery.ToSequenceNr, Recovery.ReplayMax, Self, _instanceId);
                break;
            case LoadSnapshotFailed f when f.InstanceId == _instanceId:
                FailRecovery(f.Cause, null);
                break;
            case IJournalResponse:
                break; // for an earlier incarnation
            default:
                _internalStash.Stash();
                break;
        }
    }

    private void OnReplaying(object message)
    {
        switch (message)
        {
            case ReplayedMessage m when m.InstanceId == _instanceId:
                LastSequenceNr = _sequenceNr = m.SequenceNr;
                RunRecoveryHandler(m.Payload, m.Payload);
                break;
            case RecoverySuccess s when s.InstanceId == _instanceId:
                _sequenceNr = Math.Max(_sequenceNr, s.HighestSequenceNr);
                LastSequenceNr = _sequenceNr;
                if (!RunRecoveryHandler(RecoveryCompleted.Instance, null)) return;
                _phase = Phase.Running;
                _internalStash.UnstashAll();
                break;
            case ReplayFailure f when f.InstanceId == _instanceId:
                FailRecovery(f.Cause, null);
                break;
            case IJournalResponse:
                break;
            default:
                _internalStash.Stash();
                break;
        }
    }

    private bool RunRecoveryHandler(object message, object? @event)
    {
        try
        {
            ReceiveRecover(message);
            return true;
        }
        catch (Exception e)
        {
            FailRecovery(e, @event);
            return false;
        }
    }

    private void FailRecovery(Exception cause, object? @event)
    {
        _phase = Phase.Running; // nothing more to recover; the actor is stopping
        try
        {
            OnRecoveryFailure(cause, @event);
        }
        finally
        {
            Context.Stop(Self);
        }
    }

    private void Add<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler, bool stashing, WriteDurability durability)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        ThrowIfUndefined(durability);
        ThrowIfRecovering();
        var write = new List<PendingEvent>();
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            write.Add(Pending(e, handler, stashing));
        }
        if (write.Count > 0) Unflushed(new AtomicWrite(write, durability));
    }

    /// <summary>One event: the common case, without a list or an enumerator (every Ticker bar is one).</summary>
    private void AddOne<TEvent>(TEvent @event, Action<TEvent> handler, bool stashing, WriteDurability durability)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(handler);
        ThrowIfUndefined(durability);
        ThrowIfRecovering();
        Unflushed(new AtomicWrite([Pending(@event, handler, stashing)], durability));
    }

    private static void ThrowIfUndefined(WriteDurability durability)
    {
        if (durability is not (WriteDurability.Synced or WriteDurability.Deferred)) throw new ArgumentOutOfRangeException(nameof(durability), durability, "not a WriteDurability");
    }

    private void ThrowIfRecovering()
    {
        if (_phase != Phase.Running) throw new InvalidOperationException($"'{PersistenceId}': Persist cannot be called during recovery");
    }

    /// <summary>Numbers <paramref name="event"/> and queues its handler.</summary>
    private PendingEvent Pending<TEvent>(TEvent @event, Action<TEvent> handler, bool stashing)
    {
        var pending = new PendingEvent(@event!, ++_sequenceNr, TagsFor(@event!));
        _pending.Enqueue(new Invocation<TEvent>(@event, handler, stashing, Deferred: false, Cell.CurrentSender));
        if (stashing) _pendingStashing++;
        return pending;
    }

    private void Unflushed(AtomicWrite write)
    {
        if (_firstUnflushed is null) _firstUnflushed = write;
        else (_moreUnflushed ??= [_firstUnflushed]).Add(write);
        if (!_inReceive) Flush(); // e.g. after an await in an async command handler
    }

    private void Flush()
    {
        if (_firstUnflushed is null) return;
        IReadOnlyList<AtomicWrite> writes = _moreUnflushed ?? [_firstUnflushed];
        _firstUnflushed = null;
        _moreUnflushed = null;
        _persistence.Journal.Write(new WriteRequest(PersistenceId, _writerId, writes, Self, _instanceId));
    }

    private void OnJournalResponse(IJournalResponse response)
    {
        _inReceive = true;
        try
        {
            HandleJournalResponse(response);
        }
        finally
        {
            _inReceive = false;
        }
        Flush();
        if (_pendingStashing == 0) _internalStash.UnstashAll();
    }

    private void HandleJournalResponse(IJournalResponse response)
    {
        switch (response)
        {
            case WriteMessageSuccess s when s.InstanceId == _instanceId:
                LastSequenceNr = s.SequenceNr;
                Complete(run: true);
                break;
            case WriteMessageRejected r when r.InstanceId == _instanceId:
                Complete(run: false);
                OnPersistRejected(r.Cause, r.Payload, r.SequenceNr);
                break;
            case WriteMessageFailure f when f.InstanceId == _instanceId:
                _pending.Clear();
                _pendingStashing = 0;
                try
                {
                    OnPersistFailure(f.Cause, f.Payload, f.SequenceNr);
                }
                finally
                {
                    Context.Stop(Self);
                }
                return;
            default:
                return; // an answer meant for an earlier incarnation
        }
        RunDeferredAtHead();
    }

    private void Complete(bool run)
    {
        var invocation = _pending.Dequeue();
        if (invocation.Stashing) _pendingStashing--;
        if (run) Run(invocation);
    }

    private void RunDeferredAtHead()
    {
        while (_pending.TryPeek(out var next) && next.Deferred)
        {
            _pending.Dequeue();
            Run(next);
        }
    }

    private void Run(Invocation invocation)
    {
        Cell.CurrentSender = invocation.Sender; // the handler answers the command's sender
        invocation.Run();
    }

    /// <summary>A handler waiting for its event to be durable (or, deferred, for the ones before it).</summary>
    private abstract record Invocation(bool Stashing, bool Deferred, IActorRef? Sender)
    {
        public abstract void Run();
    }

    /// <summary>Typed, so queueing a handler needs no adapter delegate.</summary>
    private sealed record Invocation<TEvent>(TEvent Event, Action<TEvent> Handler, bool Stashing, bool Deferred, IActorRef? Sender)
        : Invocation(Stashing, Deferred, Sender)
    {
        public override void Run() => Handler(Event);
    }
}
