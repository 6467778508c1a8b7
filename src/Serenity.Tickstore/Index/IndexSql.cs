namespace Serenity.Tickstore.Index;

/// <summary>The SQLite schema and statements of the version index. Times are UTC ticks; dates ISO <c>yyyy-MM-dd</c>.</summary>
internal static class IndexSql
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS versions (
            kind          TEXT    NOT NULL,
            symbol        TEXT    NOT NULL,
            date          TEXT    NOT NULL,
            version       INTEGER NOT NULL,
            recorded_from INTEGER NOT NULL,
            recorded_to   INTEGER NULL,
            deleted       INTEGER NOT NULL DEFAULT 0,
            path          TEXT    NULL,
            row_count     INTEGER NOT NULL,
            checksum      INTEGER NOT NULL,
            PRIMARY KEY (kind, symbol, date, version)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS versions_current ON versions (kind, symbol, date) WHERE recorded_to IS NULL;
        CREATE TABLE IF NOT EXISTS audit (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            recorded_at INTEGER NOT NULL,
            action      TEXT    NOT NULL,
            kind        TEXT    NOT NULL,
            symbol      TEXT    NOT NULL,
            date        TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            row_count   INTEGER NOT NULL,
            reason      TEXT    NULL
        );
        CREATE INDEX IF NOT EXISTS audit_key ON audit (kind, symbol, date);
        """;

    public const string Columns = "kind, symbol, date, version, recorded_from, recorded_to, deleted, path, row_count, checksum";

    public const string Latest = $"SELECT {Columns} FROM versions WHERE kind = $kind AND symbol = $symbol AND date = $date ORDER BY version DESC LIMIT 1";

    public const string LatestWithFile = $"SELECT {Columns} FROM versions WHERE kind = $kind AND symbol = $symbol AND date = $date AND deleted = 0 ORDER BY version DESC LIMIT 1";

    public const string All = $"SELECT {Columns} FROM versions WHERE kind = $kind AND symbol = $symbol AND date = $date ORDER BY version";

    public const string CurrentRange = $"SELECT {Columns} FROM versions WHERE kind = $kind AND symbol = $symbol AND date >= $from AND date <= $to AND recorded_to IS NULL ORDER BY date";

    public const string AsOfRange = $"""
        SELECT {Columns} FROM versions
        WHERE kind = $kind AND symbol = $symbol AND date >= $from AND date <= $to
          AND recorded_from <= $asof AND (recorded_to IS NULL OR recorded_to > $asof)
        ORDER BY date, version
        """;

    public const string Close = "UPDATE versions SET recorded_to = $at WHERE kind = $kind AND symbol = $symbol AND date = $date AND recorded_to IS NULL";

    public const string Insert = """
        INSERT INTO versions (kind, symbol, date, version, recorded_from, recorded_to, deleted, path, row_count, checksum)
        VALUES ($kind, $symbol, $date, $version, $from, NULL, $deleted, $path, $rows, $checksum)
        """;

    public const string Audit = """
        INSERT INTO audit (recorded_at, action, kind, symbol, date, version, row_count, reason)
        VALUES ($at, $action, $kind, $symbol, $date, $version, $rows, $reason)
        """;

    public const string AuditTrail = "SELECT recorded_at, action, kind, symbol, date, version, row_count, reason FROM audit WHERE kind = $kind AND symbol = $symbol AND date = $date ORDER BY id";

    public const string AllFiles = $"SELECT {Columns} FROM versions WHERE path IS NOT NULL";
}
