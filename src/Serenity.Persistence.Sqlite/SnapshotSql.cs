namespace Serenity.Persistence.Sqlite;

/// <summary>The snapshot table and statements; <c>created</c> is unix milliseconds, UTC.</summary>
internal static class SnapshotSql
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS snapshot (
            persistence_id TEXT NOT NULL,
            sequence_nr INTEGER NOT NULL,
            created INTEGER NOT NULL,
            manifest TEXT NOT NULL,
            payload BLOB NOT NULL,
            PRIMARY KEY (persistence_id, sequence_nr)
        );
        """;

    public const string Save = """
        INSERT INTO snapshot (persistence_id, sequence_nr, created, manifest, payload)
        VALUES ($persistence_id, $sequence_nr, $created, $manifest, $payload)
        ON CONFLICT (persistence_id, sequence_nr) DO UPDATE
        SET created = excluded.created, manifest = excluded.manifest, payload = excluded.payload
        """;

    private const string Matching = """
        persistence_id = $persistence_id AND sequence_nr >= $min_sequence_nr AND sequence_nr <= $max_sequence_nr
        AND created <= $max_created
        """;

    public const string LoadLatest = $"""
        SELECT sequence_nr, created, manifest, payload FROM snapshot WHERE {Matching}
        ORDER BY sequence_nr DESC LIMIT 1
        """;

    public const string Delete = $"DELETE FROM snapshot WHERE {Matching}";
}
