using Serenity.Persistence.Snapshots;

namespace Serenity.Persistence.PostgreSql;

/// <summary>The snapshot store's statements for one schema (positional parameters: $1, $2, ...).</summary>
internal sealed class SnapshotSql(PostgreSqlTables t)
{
    /// <summary>Inserts or replaces the snapshot at ($1, $2).</summary>
    public string Save { get; } = $"""
        INSERT INTO {t.Snapshot} (persistence_id, sequence_nr, created, manifest, payload) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (persistence_id, sequence_nr) DO UPDATE SET created = EXCLUDED.created, manifest = EXCLUDED.manifest, payload = EXCLUDED.payload
        """;

    /// <summary>The newest snapshot of $1 within the criteria.</summary>
    public string Load(SnapshotSelectionCriteria criteria) =>
        $"SELECT sequence_nr, created, manifest, payload FROM {t.Snapshot} WHERE {Where(criteria)} ORDER BY sequence_nr DESC LIMIT 1";

    /// <summary>Deletes the snapshots of $1 within the criteria.</summary>
    public string Delete(SnapshotSelectionCriteria criteria) => $"DELETE FROM {t.Snapshot} WHERE {Where(criteria)}";

    /// <summary>
    /// Id $1, sequence nr in [$2, $3], and, when the criteria has a timestamp, created &lt;= $4 (the
    /// clause is left out otherwise, so the plan stays an index range scan).
    /// </summary>
    private static string Where(SnapshotSelectionCriteria criteria) =>
        "persistence_id = $1 AND sequence_nr BETWEEN $2 AND $3" + (criteria.MaxTimestamp is null ? "" : " AND created <= $4");
}
