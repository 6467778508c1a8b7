using Microsoft.Data.Sqlite;
using Serenity.Persistence.Journal;
using SQLitePCL;

namespace Serenity.Persistence.Sqlite;

/// <summary>
/// The journal's one write connection, with its insert statements prepared once and reused. The inserts
/// go straight through SQLite's C API (binding by position), the hot path of every persisted event.
/// Not thread-safe: the store serializes calls.
/// </summary>
internal sealed class JournalWriter : IDisposable
{
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insertEvent;
    private readonly sqlite3_stmt _insertTag;
    private readonly sqlite3_stmt _begin;
    private readonly sqlite3_stmt _commit;
    private readonly sqlite3_stmt _rollback;
    private readonly sqlite3_stmt _syncCommits;
    private readonly sqlite3_stmt _deferSyncs;
    private bool _syncing = true; // the connection opens with synchronous = FULL

    public JournalWriter(SqliteConnection connection)
    {
        _connection = connection;
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        _insertEvent = Prepare(JournalSql.InsertEvent);
        _insertTag = Prepare(JournalSql.InsertTag);
        _begin = Prepare("BEGIN IMMEDIATE;");
        _commit = Prepare("COMMIT;");
        _rollback = Prepare("ROLLBACK;");
        _syncCommits = Prepare("PRAGMA synchronous = FULL;");
        _deferSyncs = Prepare("PRAGMA synchronous = NORMAL;");
    }

    /// <summary>
    /// True when the last commit synced the write-ahead log (<c>synchronous = FULL</c>); false after a deferred write
    /// (<c>NORMAL</c>: the log is written, not synced, so the next synced commit's fsync covers it too, and recovery
    /// keeps only an unbroken prefix of the log's frames).
    /// </summary>
    public bool Syncing => _syncing;

    /// <summary>
    /// Inserts every row in one transaction; a duplicate (persistence id, sequence nr) rolls all back. The commit syncs
    /// the log unless <paramref name="deferred"/>.
    /// </summary>
    public void Write(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, bool deferred)
    {
        SyncCommits(!deferred);
        Begin();
        try
        {
            for (var w = 0; w < atomicWrites.Count; w++) // index loops: foreach over the interfaces boxed an enumerator per write
            {
                var write = atomicWrites[w];
                for (var r = 0; r < write.Count; r++) Insert(write[r]);
            }
            Commit();
        }
        catch
        {
            RollBackIfOpen();
            throw;
        }
    }

    /// <summary>Deletes events up to <paramref name="toSequenceNr"/>, remembering the highest sequence nr.</summary>
    public void DeleteTo(string persistenceId, long toSequenceNr)
    {
        SyncCommits(true);
        Begin();
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = JournalSql.DeleteTo;
            command.Parameters.AddWithValue("$persistence_id", persistenceId);
            command.Parameters.AddWithValue("$to", toSequenceNr);
            command.ExecuteNonQuery();
            Commit();
        }
        catch
        {
            RollBackIfOpen();
            throw;
        }
    }

    // Transactions through prepared BEGIN/COMMIT/ROLLBACK statements, not SqliteConnection.BeginTransaction: each
    // SqliteTransaction registers a rollback hook whose handle SQLitePCLRaw never disposes, so the finalizer freed it
    // (measured: 2.6 finalized hook handles per order, and the GC marking what they hold in every gen0 pause).
    // Outside a transaction only (SQLite ignores the pragma inside one); a prepared statement, run only on a change.
    private void SyncCommits(bool sync)
    {
        if (sync == _syncing) return;
        ThrowIfFailed(Execute(sync ? _syncCommits : _deferSyncs));
        _syncing = sync;
    }

    private void Begin() => ThrowIfFailed(Execute(_begin)); // IMMEDIATE: takes the write lock up front

    private void Commit() => ThrowIfFailed(Execute(_commit));

    private void RollBackIfOpen()
    {
        if (raw.sqlite3_get_autocommit(_db) == 0) Execute(_rollback); // a failed COMMIT can leave it open; a failed ROLLBACK leaves nothing to do
    }

    private static void ThrowIfFailed(SqliteException? failure)
    {
        if (failure is not null) throw failure;
    }

    public void Dispose()
    {
        _insertEvent.Dispose();
        _insertTag.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        _syncCommits.Dispose();
        _deferSyncs.Dispose();
        _connection.Dispose();
    }

    private void Insert(JournalRow row)
    {
        Check(BindText(_insertEvent, 1, row.PersistenceId));
        Check(raw.sqlite3_bind_int64(_insertEvent, 2, row.SequenceNr));
        Check(raw.sqlite3_bind_int64(_insertEvent, 3, SqliteDatabase.ToUnixMs(row.Created)));
        Check(BindText(_insertEvent, 4, row.Manifest));
        Check(raw.sqlite3_bind_blob(_insertEvent, 5, row.Payload));
        Check(TagsColumn.Encode(row.Tags) is { } tags ? BindText(_insertEvent, 6, tags) : raw.sqlite3_bind_null(_insertEvent, 6));
        Check(BindText(_insertEvent, 7, row.WriterId));
        if (Execute(_insertEvent) is { } failure)
        {
            throw failure.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey
                ? new JournalCollisionException($"persistence id '{row.PersistenceId}' already has sequence nr {row.SequenceNr}: another writer owns it", failure)
                : failure;
        }
        if (row.Tags.Count == 0) return;
        var ordering = raw.sqlite3_last_insert_rowid(_db);
        foreach (var tag in TagsColumn.Distinct(row.Tags))
        {
            Check(BindText(_insertTag, 1, tag));
            Check(raw.sqlite3_bind_int64(_insertTag, 2, ordering));
            ThrowIfFailed(Execute(_insertTag));
        }
    }

    // UTF-16 straight from the string (SQLite converts it in C): the string overload allocated a UTF-8 copy per value,
    // three or four per persisted event. An empty span would be a null pointer, which binds NULL, not "".
    private static int BindText(sqlite3_stmt statement, int index, string value) =>
        value.Length == 0 ? raw.sqlite3_bind_text(statement, index, "") : raw.sqlite3_bind_text16(statement, index, value.AsSpan());

    /// <summary>Runs a prepared statement once and resets it for the next run; the failure, if any.</summary>
    private SqliteException? Execute(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        var failure = rc == raw.SQLITE_DONE
            ? null
            : new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        raw.sqlite3_reset(statement);
        return failure;
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
        return statement;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
