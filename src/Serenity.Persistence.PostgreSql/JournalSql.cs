namespace Serenity.Persistence.PostgreSql;

/// <summary>The journal's statements for one schema (positional parameters: $1, $2, ...).</summary>
internal sealed class JournalSql(PostgreSqlTables t)
{
    /// <summary>The selected columns, in the order <see cref="JournalRowReader"/> reads them.</summary>
    private const string Columns = "persistence_id, sequence_nr, manifest, payload, tags, writer_id, created, ordering";

    /// <summary>Binary COPY of new rows; the store assigns <c>ordering</c>.</summary>
    public string Copy { get; } = $"COPY {t.Journal} (persistence_id, sequence_nr, created, manifest, payload, tags, writer_id) FROM STDIN (FORMAT BINARY)";

    /// <summary>The first of the given keys that is already stored ($1 ids, $2 sequence nrs).</summary>
    public string FindExisting { get; } = $"""
        SELECT j.persistence_id, j.sequence_nr FROM {t.Journal} j
        JOIN unnest($1::text[], $2::bigint[]) AS k(persistence_id, sequence_nr)
          ON j.persistence_id = k.persistence_id AND j.sequence_nr = k.sequence_nr
        ORDER BY j.ordering LIMIT 1
        """;

    /// <summary>Rows of one id ($1) in [$2, $3], by sequence nr, at most $4.</summary>
    public string Replay { get; } = $"SELECT {Columns} FROM {t.Journal} WHERE persistence_id = $1 AND sequence_nr BETWEEN $2 AND $3 ORDER BY sequence_nr LIMIT $4";

    /// <summary>The highest sequence nr of $1, stored or deleted; 0 if none.</summary>
    public string Highest { get; } = $"""
        SELECT GREATEST(
            (SELECT max(sequence_nr) FROM {t.Journal} WHERE persistence_id = $1),
            (SELECT max_sequence_nr FROM {t.Metadata} WHERE persistence_id = $1),
            0)
        """;

    /// <summary>Deletes rows of $1 up to $2 and remembers the highest deleted sequence nr, in one statement.</summary>
    public string Delete { get; } = $"""
        WITH deleted AS (
            DELETE FROM {t.Journal} WHERE persistence_id = $1 AND sequence_nr <= $2 RETURNING sequence_nr
        )
        INSERT INTO {t.Metadata} AS m (persistence_id, max_sequence_nr)
        SELECT $1, max(sequence_nr) FROM deleted HAVING max(sequence_nr) IS NOT NULL
        ON CONFLICT (persistence_id) DO UPDATE SET max_sequence_nr = GREATEST(m.max_sequence_nr, EXCLUDED.max_sequence_nr)
        """;

    /// <summary>Rows tagged $1 with ordering &gt; $2, by ordering, at most $3 (the cardinality term selects the partial tag index).</summary>
    public string Tagged { get; } = $"SELECT {Columns} FROM {t.Journal} WHERE cardinality(tags) > 0 AND tags @> ARRAY[$1::text] AND ordering > $2 ORDER BY ordering LIMIT $3";
}
