using Microsoft.Data.Sqlite;
using Serenity.Persistence.Snapshots;
using SQLitePCL;

namespace Serenity.Persistence.Sqlite;

/// <summary>
/// Saves one snapshot through SQLite's C API, binding the payload straight from the caller's (pooled) buffer: a
/// <see cref="SqliteParameter"/> takes only an exact-size <c>byte[]</c>, which for a 100–400 KB snapshot meant a copy
/// on the large-object heap per save.
/// </summary>
internal static class SnapshotWrite
{
    public static void Save(SqliteConnection connection, SnapshotRow snapshot)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(db, raw.sqlite3_prepare_v2(db, SnapshotSql.Save, out var statement));
        using (statement)
        {
            Check(db, raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "$persistence_id"), snapshot.PersistenceId));
            Check(db, raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "$sequence_nr"), snapshot.SequenceNr));
            Check(db, raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "$created"), SqliteDatabase.ToUnixMs(snapshot.Created)));
            Check(db, raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "$manifest"), snapshot.Manifest));
            // An empty span would bind NULL, which the NOT NULL column refuses: an empty payload is a zero-length blob.
            var payloadIndex = raw.sqlite3_bind_parameter_index(statement, "$payload");
            Check(db, snapshot.Payload.IsEmpty ? raw.sqlite3_bind_zeroblob(statement, payloadIndex, 0) : raw.sqlite3_bind_blob(statement, payloadIndex, snapshot.Payload.Span));
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }
}
