using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Serenity.Tickstore.Format;

namespace Serenity.Tickstore.Index;

/// <summary>
/// The version index: one SQLite file (WAL, <c>synchronous = FULL</c>) with a row per version and an audit
/// trail. Writes go through one connection in <c>BEGIN IMMEDIATE</c> transactions, which also serialize
/// writers in other processes; reads rent pooled connections and run beside the writer.
/// </summary>
internal sealed class TickIndex : IDisposable
{
    private static readonly Lazy<bool> s_native = new(static () =>
    {
        SQLitePCL.Batteries.Init();
        return true;
    });

    private readonly string _connectionString;
    private readonly ConcurrentBag<SqliteConnection> _readers = [];
    private readonly SqliteConnection _writer;
    private bool _disposed;

    public TickIndex(string path)
    {
        _ = s_native.Value;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        }.ToString();
        _writer = Open();
        Execute(_writer, "PRAGMA journal_mode = WAL;");
        Execute(_writer, IndexSql.Schema);
    }

    /// <summary>The write connection; callers hold the store's write lock.</summary>
    public SqliteConnection Writer => _writer;

    public static string Kind(SeriesKind kind) => kind == SeriesKind.Bars ? "bars" : "quotes";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="read"/> on a pooled reader connection.</summary>
    public T Read<T>(Func<SqliteConnection, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_readers.TryTake(out var connection)) connection = Open();
        try
        {
            return read(connection);
        }
        finally
        {
            if (_disposed || _readers.Count >= 4) connection.Dispose();
            else _readers.Add(connection);
        }
    }

    public static VersionInfo? Latest(SqliteConnection c, SqliteTransaction? tx, SeriesKind kind, string symbol, DateOnly date, bool withFile = false) =>
        Query(c, tx, withFile ? IndexSql.LatestWithFile : IndexSql.Latest, Key(kind, symbol, date)).FirstOrDefault();

    public static List<VersionInfo> All(SqliteConnection c, SeriesKind kind, string symbol, DateOnly date) =>
        Query(c, null, IndexSql.All, Key(kind, symbol, date));

    /// <summary>Per date in [from, to], the version visible as of <paramref name="asOf"/> (null: the current one).</summary>
    public static List<VersionInfo> Visible(SqliteConnection c, SeriesKind kind, string symbol, DateOnly from, DateOnly to, DateTimeOffset? asOf)
    {
        var p = new Dictionary<string, object?> { ["$kind"] = Kind(kind), ["$symbol"] = symbol, ["$from"] = Date(from), ["$to"] = Date(to) };
        if (asOf is { } t) p["$asof"] = t.UtcTicks;
        return Query(c, null, asOf is null ? IndexSql.CurrentRange : IndexSql.AsOfRange, p);
    }

    public static List<VersionInfo> AllFiles(SqliteConnection c, SqliteTransaction? tx) => Query(c, tx, IndexSql.AllFiles, []);

    public static List<AuditEntry> AuditTrail(SqliteConnection c, SeriesKind kind, string symbol, DateOnly date)
    {
        using var command = Command(c, null, IndexSql.AuditTrail, Key(kind, symbol, date));
        using var reader = command.ExecuteReader();
        var list = new List<AuditEntry>();
        while (reader.Read())
        {
            list.Add(new AuditEntry(
                new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero),
                reader.GetString(1),
                ParseKind(reader.GetString(2)),
                reader.GetString(3),
                DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetInt32(5),
                reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return list;
    }

    /// <summary>Closes the open version (if any) at <paramref name="at"/> and adds <paramref name="next"/> with its audit row.</summary>
    public static void Supersede(SqliteConnection c, SqliteTransaction tx, VersionInfo next, string action, string? reason)
    {
        var key = Key(next.Kind, next.Symbol, next.Date);
        var at = next.RecordedFrom.UtcTicks;
        using (var close = Command(c, tx, IndexSql.Close, new(key) { ["$at"] = at })) close.ExecuteNonQuery();
        using (var insert = Command(c, tx, IndexSql.Insert, new(key)
        {
            ["$version"] = next.Version,
            ["$from"] = at,
            ["$deleted"] = next.Deleted ? 1 : 0,
            ["$path"] = next.Path,
            ["$rows"] = next.RowCount,
            ["$checksum"] = (long)next.Checksum,
        }))
        {
            insert.ExecuteNonQuery();
        }
        using var audit = Command(c, tx, IndexSql.Audit, new(key)
        {
            ["$at"] = at,
            ["$action"] = action,
            ["$version"] = next.Version,
            ["$rows"] = next.RowCount,
            ["$reason"] = reason,
        });
        audit.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _disposed = true;
        _writer.Dispose();
        while (_readers.TryTake(out var c)) c.Dispose();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString) { DefaultTimeout = 30 };
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static Dictionary<string, object?> Key(SeriesKind kind, string symbol, DateOnly date) =>
        new() { ["$kind"] = Kind(kind), ["$symbol"] = symbol, ["$date"] = Date(date) };

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql, Dictionary<string, object?> parameters)
    {
        var command = c.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static List<VersionInfo> Query(SqliteConnection c, SqliteTransaction? tx, string sql, Dictionary<string, object?> parameters)
    {
        using var command = Command(c, tx, sql, parameters);
        using var reader = command.ExecuteReader();
        var list = new List<VersionInfo>();
        while (reader.Read())
        {
            list.Add(new VersionInfo(
                ParseKind(reader.GetString(0)),
                reader.GetString(1),
                DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetInt32(3),
                new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero),
                reader.GetInt64(6) != 0,
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetInt32(8),
                (uint)reader.GetInt64(9)));
        }
        return list;
    }

    private static SeriesKind ParseKind(string kind) => kind == "bars" ? SeriesKind.Bars : SeriesKind.Quotes;
}
