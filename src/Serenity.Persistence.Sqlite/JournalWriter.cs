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

    public JournalWriter(SqliteConnection connection)
    {
        _connection = connection;
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        _insertEvent = Prepare(JournalSql.InsertEvent);
        _insertTag = Prepare(JournalSql.InsertTag);
    }

    /// <summary>Inserts every row in one transaction; a duplicate (persistence id, sequence nr) rolls all back.</summary>
    public void Write(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites)
    {
        using var transaction = _connection.BeginTransaction(); // BEGIN IMMEDIATE: takes the write lock up front
        foreach (var write in atomicWrites)
        {
            foreach (var row in write) Insert(row);
        }
        transaction.Commit(); // disposing an uncommitted transaction rolls it back
    }

    /// <summary>Deletes events up to <paramref name="toSequenceNr"/>, remembering the highest sequence nr.</summary>
    public void DeleteTo(string persistenceId, long toSequenceNr)
    {
        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = JournalSql.DeleteTo;
        command.Parameters.AddWithValue("$persistence_id", persistenceId);
        command.Parameters.AddWithValue("$to", toSequenceNr);
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    public void Dispose()
    {
        _insertEvent.Dispose();
        _insertTag.Dispose();
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
            if (Execute(_insertTag) is { } tagFailure) throw tagFailure;
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
