namespace Serenity.Persistence.Sqlite;

/// <summary>The journal's tables and statements.</summary>
internal static class JournalSql
{
    // ordering: AUTOINCREMENT so a position is never reused, even after deletes (tag queries resume from it).
    // created: unix milliseconds, UTC. tags: a JSON array, NULL when none; journal_tag indexes them for queries.
    // journal_metadata keeps the highest sequence nr of an id whose newest events were deleted.
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS journal (
            ordering INTEGER PRIMARY KEY AUTOINCREMENT,
            persistence_id TEXT NOT NULL,
            sequence_nr INTEGER NOT NULL,
            created INTEGER NOT NULL,
            manifest TEXT NOT NULL,
            payload BLOB NOT NULL,
            tags TEXT NULL,
            writer_id TEXT NOT NULL,
            UNIQUE (persistence_id, sequence_nr)
        );
        CREATE TABLE IF NOT EXISTS journal_tag (
            tag TEXT NOT NULL,
            ordering INTEGER NOT NULL,
            PRIMARY KEY (tag, ordering)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS journal_metadata (
            persistence_id TEXT NOT NULL PRIMARY KEY,
            sequence_nr INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    /// <summary>Positional parameters, bound by <see cref="JournalWriter"/>.</summary>
    public const string InsertEvent = """
        INSERT INTO journal (persistence_id, sequence_nr, created, manifest, payload, tags, writer_id)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        """;

    /// <summary>?1 tag, ?2 ordering.</summary>
    public const string InsertTag = "INSERT INTO journal_tag (tag, ordering) VALUES (?1, ?2)";

    /// <summary>The columns <see cref="JournalRowQuery"/> reads, in its order.</summary>
    public const string RowColumns = "j.ordering, j.persistence_id, j.sequence_nr, j.created, j.manifest, j.payload, j.tags, j.writer_id";

    /// <summary>?1 persistence id, ?2 from, ?3 to (sequence nrs, inclusive), ?4 max rows.</summary>
    public const string Replay = $"""
        SELECT {RowColumns} FROM journal j
        WHERE j.persistence_id = ?1 AND j.sequence_nr >= ?2 AND j.sequence_nr <= ?3
        ORDER BY j.sequence_nr LIMIT ?4
        """;

    /// <summary>?1 tag, ?2 ordering to read after, ?3 max rows.</summary>
    public const string Tagged = $"""
        SELECT {RowColumns} FROM journal_tag t JOIN journal j ON j.ordering = t.ordering
        WHERE t.tag = ?1 AND t.ordering > ?2
        ORDER BY t.ordering LIMIT ?3
        """;

    public const string HighestSequenceNr = """
        SELECT MAX(n) FROM (
            SELECT MAX(sequence_nr) AS n FROM journal WHERE persistence_id = $persistence_id
            UNION ALL
            SELECT sequence_nr FROM journal_metadata WHERE persistence_id = $persistence_id)
        """;

    // Remembers the highest deleted sequence nr first, then drops the tag entries and the events.
    public const string DeleteTo = """
        INSERT INTO journal_metadata (persistence_id, sequence_nr)
            SELECT persistence_id, MAX(sequence_nr) FROM journal
            WHERE persistence_id = $persistence_id AND sequence_nr <= $to
            GROUP BY persistence_id
        ON CONFLICT (persistence_id) DO UPDATE SET sequence_nr = MAX(sequence_nr, excluded.sequence_nr);
        DELETE FROM journal_tag WHERE ordering IN (
            SELECT ordering FROM journal WHERE persistence_id = $persistence_id AND sequence_nr <= $to);
        DELETE FROM journal WHERE persistence_id = $persistence_id AND sequence_nr <= $to;
        """;
}
