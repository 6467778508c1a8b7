using Serenity.Actors;

namespace Serenity.Persistence.CrashWriter;

/// <summary>One event of a batch.</summary>
internal sealed record Written(int Index);

/// <summary>
/// After recovery, persists batches of <c>batchSize</c> events atomically, one after the other; the
/// handler of a batch's last event runs once the whole batch is written as <c>durability</c> says, and acknowledges it
/// on stdout. A kill of the process loses neither kind: a deferred write is only exposed to a power loss.
/// </summary>
internal sealed class BatchWriter : ReceivePersistentActor
{
    public BatchWriter(string persistenceId, int batchSize, WriteDurability durability)
    {
        PersistenceId = persistenceId;
        Recover<Written>(_ => { });
        Recover<RecoveryCompleted>(_ => Self.Tell(Next.Instance, Self));
        Command<Next>(_ => PersistAll(Enumerable.Range(0, batchSize).Select(i => new Written(i)), durability, e =>
        {
            if (e.Index < batchSize - 1) return;
            Console.Out.WriteLine($"ack {PersistenceId} {LastSequenceNr}"); // Console.Out flushes every write
            Self.Tell(Next.Instance, Self);
        }));
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId, int batchSize, WriteDurability durability) =>
        Actors.Props.Create(() => new BatchWriter(persistenceId, batchSize, durability));

    private sealed class Next
    {
        public static readonly Next Instance = new();
    }
}
