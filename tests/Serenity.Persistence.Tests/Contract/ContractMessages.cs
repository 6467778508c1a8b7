using Serenity.Actors;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>The event the contract's actors persist; <see cref="Tags"/> are stored with it.</summary>
public sealed record Added(string Value, IReadOnlyList<string>? Tags = null);

/// <summary>The counter's event.</summary>
public sealed record Incremented(int By);

/// <summary>The recorder's snapshot.</summary>
public sealed record RecorderSnapshot(IReadOnlyList<string> Values);

/// <summary>An event type never registered: persisting it is rejected.</summary>
public sealed record NeverRegistered(string Value);

/// <summary>Registers the contract's event and snapshot types with a system's persistence.</summary>
public static class ContractEvents
{
    public const string AddedManifest = "contract-added.v1";

    public static void Register(ActorSystem system)
    {
        var serialization = Persistence.Get(system).Serialization;
        serialization.Register<Added>(AddedManifest);
        serialization.Register<Incremented>("contract-incremented.v1");
        serialization.Register<RecorderSnapshot>("contract-recorder-snapshot.v1");
    }
}

/// <summary>Persist <see cref="Added"/> (Persist: later commands wait until it is stored).</summary>
public sealed record Add(string Value, IReadOnlyList<string>? Tags = null);

/// <summary>Persist one <see cref="Added"/> per value atomically (PersistAll).</summary>
public sealed record AddAll(IReadOnlyList<string> Values);

/// <summary>Persist <see cref="Added"/> with PersistAsync (later commands do not wait).</summary>
public sealed record AddAsync(string Value);

/// <summary>Persist <see cref="Added"/> with <see cref="WriteDurability.Deferred"/>.</summary>
public sealed record AddDeferred(string Value);

/// <summary>In one command, persist <see cref="Added"/> for <see cref="DeferredValue"/> deferred, then for <see cref="SyncedValue"/> synced.</summary>
public sealed record AddDeferredThenSynced(string DeferredValue, string SyncedValue);

/// <summary>Persist a <see cref="NeverRegistered"/> event; its handler would answer with a string.</summary>
public sealed record AddUnregistered(string Value);

/// <summary>Answered with <see cref="RecorderState"/>.</summary>
public sealed record GetState;

/// <summary>Save a snapshot; answered with <see cref="SaveSnapshotSuccess"/> or <see cref="SaveSnapshotFailure"/>.</summary>
public sealed record TakeSnapshot;

/// <summary>Delete events up to <see cref="SequenceNr"/>; answered with <see cref="DeleteMessagesSuccess"/> or <see cref="DeleteMessagesFailure"/>.</summary>
public sealed record DeleteUpTo(long SequenceNr);

/// <summary>An event's handler ran: it is stored as <see cref="SequenceNr"/>.</summary>
public sealed record Acked(string PersistenceId, string Value, long SequenceNr);

/// <summary>
/// A recorder's state: the values, the last sequence nr, and what recovery went through
/// ("snapshot:3", "event:4:value", "completed").
/// </summary>
public sealed record RecorderState(string PersistenceId, IReadOnlyList<string> Values, long LastSequenceNr, IReadOnlyList<string> RecoveryLog);

/// <summary>Reported when an event was rejected.</summary>
public sealed record PersistRejected(string PersistenceId, Exception Cause);

/// <summary>Reported when a write failed (the actor stops).</summary>
public sealed record PersistFailed(string PersistenceId, Exception Cause);

/// <summary>Reported when recovery failed (the actor stops).</summary>
public sealed record RecoveryFailed(string PersistenceId, Exception Cause);
