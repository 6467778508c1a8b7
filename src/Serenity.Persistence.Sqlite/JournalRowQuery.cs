using System.Text;
using Microsoft.Data.Sqlite;
using Serenity.Persistence.Journal;
using SQLitePCL;

namespace Serenity.Persistence.Sqlite;

/// <summary>
/// A query selecting journal rows (the columns of <see cref="JournalSql.RowColumns"/>), read straight
/// through SQLite's C API: replays are hot (an entity may recover hundreds of thousands of events), and
/// this halves the cost per row compared with a data reader. Strings that repeat row after row (id,
/// manifest, writer) are decoded once. Positional parameters (<c>?1</c>, <c>?2</c>...).
/// </summary>
internal sealed class JournalRowQuery : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public JournalRowQuery(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public JournalRowQuery Bind(int index, string value)
    {
        Check(raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    public JournalRowQuery Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    /// <summary>Calls <paramref name="onRow"/> for each row, in the query's order.</summary>
    public void ForEach(Action<JournalRow> onRow, CancellationToken cancellationToken)
    {
        var persistenceId = new RepeatedText();
        var manifest = new RepeatedText();
        var writerId = new RepeatedText();
        int rc;
        while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tags = raw.sqlite3_column_type(_statement, 6) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_statement, 6).utf8_to_string();
            onRow(new JournalRow(
                PersistenceId: persistenceId.Read(raw.sqlite3_column_blob(_statement, 1)),
                SequenceNr: raw.sqlite3_column_int64(_statement, 2),
                Manifest: manifest.Read(raw.sqlite3_column_blob(_statement, 4)),
                Payload: raw.sqlite3_column_blob(_statement, 5).ToArray(),
                Tags: TagsColumn.Decode(tags),
                WriterId: writerId.Read(raw.sqlite3_column_blob(_statement, 7)),
                Created: SqliteDatabase.FromUnixMs(raw.sqlite3_column_int64(_statement, 3)))
            {
                Ordering = raw.sqlite3_column_int64(_statement, 0),
            });
        }
        if (rc != raw.SQLITE_DONE) Check(rc);
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>A text column whose value is usually the previous row's: decoded only when the bytes change.</summary>
    private sealed class RepeatedText
    {
        private byte[] _utf8 = [];
        private string _text = "";

        public string Read(ReadOnlySpan<byte> utf8)
        {
            if (!utf8.SequenceEqual(_utf8))
            {
                _utf8 = utf8.ToArray();
                _text = Encoding.UTF8.GetString(utf8);
            }
            return _text;
        }
    }
}
