using Serenity.Actors;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>
/// The contract's persistent actor: persists <see cref="Added"/> events in the ways a command asks
/// (answering <see cref="Acked"/> from the event handler), snapshots, deletes, and reports persistence
/// failures to <c>reports</c>.
/// </summary>
internal sealed class Recorder : ReceivePersistentActor
{
    private readonly List<string> _values = [];
    private readonly List<string> _recoveryLog = [];
    private readonly IActorRef _reports;
    private IActorRef _requester = ActorRefs.Nobody;

    public Recorder(string persistenceId, IActorRef reports)
    {
        PersistenceId = persistenceId;
        _reports = reports;
        Recover<SnapshotOffer>(o =>
        {
            _values.Clear();
            _values.AddRange(((RecorderSnapshot)o.Snapshot).Values);
            _recoveryLog.Add($"snapshot:{o.Metadata.SequenceNr}");
        });
        Recover<Added>(e =>
        {
            _values.Add(e.Value);
            _recoveryLog.Add($"event:{LastSequenceNr}:{e.Value}");
        });
        Recover<RecoveryCompleted>(_ => _recoveryLog.Add("completed"));
        Command<Add>(c => Persist(new Added(c.Value, c.Tags), Apply));
        Command<AddAll>(c => PersistAll(c.Values.Select(v => new Added(v)), Apply));
        Command<AddAsync>(c => PersistAsync(new Added(c.Value), Apply));
        Command<AddDeferred>(c => Persist(new Added(c.Value), WriteDurability.Deferred, Apply));
        Command<AddDeferredThenSynced>(c =>
        {
            Persist(new Added(c.DeferredValue), WriteDurability.Deferred, Apply);
            Persist(new Added(c.SyncedValue), Apply);
        });
        Command<AddUnregistered>(c => Persist(new NeverRegistered(c.Value), e => Sender.Tell($"handler ran for {e.Value}", Self)));
        Command<GetState>(_ => Sender.Tell(new RecorderState(PersistenceId, [.. _values], LastSequenceNr, [.. _recoveryLog]), Self));
        Command<TakeSnapshot>(_ =>
        {
            _requester = Sender;
            SaveSnapshot(new RecorderSnapshot([.. _values]));
        });
        Command<DeleteUpTo>(d =>
        {
            _requester = Sender;
            DeleteMessages(d.SequenceNr);
        });
        Command<SaveSnapshotSuccess>(m => _requester.Tell(m, Self));
        Command<SaveSnapshotFailure>(m => _requester.Tell(m, Self));
        Command<DeleteMessagesSuccess>(m => _requester.Tell(m, Self));
        Command<DeleteMessagesFailure>(m => _requester.Tell(m, Self));
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId, IActorRef reports) => Actors.Props.Create(() => new Recorder(persistenceId, reports));

    protected override IReadOnlyList<string> TagsFor(object @event) => @event is Added { Tags: { } tags } ? tags : [];

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _reports.Tell(new PersistRejected(PersistenceId, cause), Self);
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _reports.Tell(new PersistFailed(PersistenceId, cause), Self);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnRecoveryFailure(Exception cause, object? @event)
    {
        _reports.Tell(new RecoveryFailed(PersistenceId, cause), Self);
        base.OnRecoveryFailure(cause, @event);
    }

    private void Apply(Added e)
    {
        _values.Add(e.Value);
        Sender.Tell(new Acked(PersistenceId, e.Value, LastSequenceNr), Self);
    }
}
