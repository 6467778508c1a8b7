namespace Serenity.Persistence.Journal;

/// <summary>
/// The journal plugin contract: what a storage engine (memory, SQLite, PostgreSQL) must do. Rows
/// arrive serialized; the plugin never sees event types. Every method may be called concurrently.
/// </summary>
public interface IJournalStore : IAsyncDisposable
{
    /// <summary>Creates the schema if it is absent; called before any other method (again if it failed).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes all rows of all atomic writes in ONE transaction: all become visible, or none.
    /// Throws <see cref="JournalCollisionException"/> when a (persistence id, sequence nr) already exists.
    /// </summary>
    Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken);

    /// <summary>
    /// Writes like <see cref="WriteAsync"/>, but may complete before the rows are on disk, provided they are on disk
    /// once any later <see cref="WriteAsync"/> completes, and a power loss keeps a prefix of the writes in order
    /// (<see cref="WriteDurability.Deferred"/>). A store that cannot promise less than a synced write does a synced one:
    /// the default.
    /// </summary>
    Task WriteDeferredAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken) =>
        WriteAsync(atomicWrites, cancellationToken);

    /// <summary>Calls <paramref name="onRow"/> for rows of one id with from &lt;= seq &lt;= to, in sequence order, at most <paramref name="max"/>.</summary>
    Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalRow> onRow, CancellationToken cancellationToken);

    /// <summary>The highest sequence number ever written for the id (deleted rows included), 0 if none.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken);

    /// <summary>Deletes rows with seq &lt;= <paramref name="toSequenceNr"/>; the highest sequence number is kept.</summary>
    Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken);

    /// <summary>Rows carrying <paramref name="tag"/> with ordering &gt; <paramref name="afterOrdering"/>, by ordering, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<JournalRow>> ReadTaggedAsync(string tag, long afterOrdering, int max, CancellationToken cancellationToken);
}

/// <summary>A write collided with an existing (persistence id, sequence nr): another writer owns the entity.</summary>
public sealed class JournalCollisionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalCollisionException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public JournalCollisionException() : this("A journal write collided with an existing (persistence id, sequence nr)")
    {
    }

    /// <summary>Creates the exception.</summary>
    public JournalCollisionException(string message) : this(message, null)
    {
    }
}
