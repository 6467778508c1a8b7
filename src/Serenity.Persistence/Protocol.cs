using Serenity.Persistence.Snapshots;

namespace Serenity.Persistence;

/// <summary>Offered to the recovery handler first when a snapshot was found.</summary>
public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot);

/// <summary>Identifies a snapshot.</summary>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp);

/// <summary>The last message of recovery: state is rebuilt, commands flow from now on.</summary>
public sealed class RecoveryCompleted
{
    /// <summary>The one instance.</summary>
    public static readonly RecoveryCompleted Instance = new();

    private RecoveryCompleted()
    {
    }
}

/// <summary>A snapshot was stored.</summary>
public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata);

/// <summary>A snapshot could not be stored.</summary>
public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);

/// <summary>Events up to <see cref="ToSequenceNr"/> were deleted.</summary>
public sealed record DeleteMessagesSuccess(long ToSequenceNr);

/// <summary>Events could not be deleted.</summary>
public sealed record DeleteMessagesFailure(Exception Cause, long ToSequenceNr);

/// <summary>Snapshots matching the criteria were deleted.</summary>
public sealed record DeleteSnapshotsSuccess(SnapshotSelectionCriteria Criteria);

/// <summary>Snapshots could not be deleted.</summary>
public sealed record DeleteSnapshotsFailure(SnapshotSelectionCriteria Criteria, Exception Cause);

/// <summary>What recovery uses: which snapshot, and the highest event to replay.</summary>
public sealed record Recovery(SnapshotSelectionCriteria FromSnapshot, long ToSequenceNr = long.MaxValue, long ReplayMax = long.MaxValue)
{
    /// <summary>Latest snapshot, then every newer event.</summary>
    public static readonly Recovery Default = new(SnapshotSelectionCriteria.Latest);

    /// <summary>No recovery at all (a fresh entity every start).</summary>
    public static readonly Recovery None = new(SnapshotSelectionCriteria.None, 0, 0);
}

/// <summary>An event read from the journal by a query.</summary>
public sealed record EventEnvelope(long Offset, string PersistenceId, long SequenceNr, object Event, DateTimeOffset Timestamp);

// Journal <-> persistent actor messages. InstanceId tells one incarnation's answers from an earlier one's.
internal interface IJournalResponse;

internal sealed record WriteMessageSuccess(object Payload, long SequenceNr, int InstanceId) : IJournalResponse;

internal sealed record WriteMessageRejected(object Payload, long SequenceNr, Exception Cause, int InstanceId) : IJournalResponse;

internal sealed record WriteMessageFailure(object Payload, long SequenceNr, Exception Cause, int InstanceId) : IJournalResponse;

internal sealed record ReplayedMessage(object Payload, long SequenceNr, int InstanceId) : IJournalResponse;

internal sealed record RecoverySuccess(long HighestSequenceNr, int InstanceId) : IJournalResponse;

internal sealed record ReplayFailure(Exception Cause, int InstanceId) : IJournalResponse;

internal sealed record LoadSnapshotResult(SnapshotOffer? Offer, int InstanceId) : IJournalResponse;

internal sealed record LoadSnapshotFailed(Exception Cause, int InstanceId) : IJournalResponse;

/// <summary>One event waiting to be written.</summary>
internal sealed record PendingEvent(object Payload, long SequenceNr, IReadOnlyList<string> Tags);

/// <summary>Events written together or not at all (one Persist/PersistAll call), and how durable the handlers need them.</summary>
internal sealed record AtomicWrite(IReadOnlyList<PendingEvent> Events, WriteDurability Durability = WriteDurability.Synced);

/// <summary>A persistent actor's writes for one command.</summary>
internal sealed record WriteRequest(string PersistenceId, string WriterId, IReadOnlyList<AtomicWrite> Writes, Serenity.Actors.IActorRef ReplyTo, int InstanceId)
{
    /// <summary>True when every atomic write may be deferred (<see cref="WriteDurability.Deferred"/>).</summary>
    public bool Deferrable
    {
        get
        {
            for (var i = 0; i < Writes.Count; i++)
            {
                if (Writes[i].Durability != WriteDurability.Deferred) return false;
            }
            return true;
        }
    }

    public int EventCount
    {
        get
        {
            var count = 0; // a loop: LINQ boxed an enumerator for every write request
            for (var i = 0; i < Writes.Count; i++) count += Writes[i].Events.Count;
            return count;
        }
    }
}
