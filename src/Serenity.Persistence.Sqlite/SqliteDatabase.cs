using Microsoft.Data.Sqlite;
using Serenity.Hocon;

namespace Serenity.Persistence.Sqlite;

/// <summary>
/// One SQLite database file, as the journal and the snapshot store open it: WAL mode, durable commits
/// (<c>synchronous = FULL</c>; NORMAL for snapshots, see the constructor), and a busy timeout so the stores' writers (and other processes) wait
/// for each other instead of failing. Each store opens its own connections to the file.
/// </summary>
internal sealed class SqliteDatabase
{
    /// <summary>The file used when the config has no <c>path</c>.</summary>
    public const string DefaultPath = "data/serenity.db";

    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<bool> Native = new(static () =>
    {
        SQLitePCL.Batteries.Init();
        return true;
    });

    private readonly string _connectionString;
    private readonly string _synchronous;

    /// <param name="path">The database file.</param>
    /// <param name="fsyncEveryCommit">
    /// True (the journal): <c>synchronous = FULL</c>, a commit is on disk when it returns. False (snapshots):
    /// <c>synchronous = NORMAL</c>, a commit survives a process crash but the last ones may be lost on power
    /// loss. A snapshot is only a shortcut over the journal (which stays FULL), and WAL loses commits in order,
    /// so a lost snapshot means recovery starts from an older one. Measured: an fsync per snapshot took the
    /// write lock from the journal's batches often enough to multiply order latency under load.
    /// </param>
    public SqliteDatabase(string path, bool fsyncEveryCommit = true)
    {
        _synchronous = fsyncEveryCommit ? "FULL" : "NORMAL";
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false, // the stores keep their own connections open; disposing them really closes the file
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string Path { get; }

    /// <summary>The <c>path</c> of a plugin's config section (default <see cref="DefaultPath"/>).</summary>
    public static string PathFrom(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.GetString("path", DefaultPath);
    }

    /// <summary>
    /// Opens the connection of a busy writer: a 64 MiB page cache keeps the hot pages of the journal's
    /// indexes in memory (with many ids interleaved, a batch touches pages all over them). Like every connection, its
    /// commits never checkpoint: the file's <see cref="WalCheckpointer"/> does that beside it.
    /// </summary>
    public SqliteConnection OpenWriter()
    {
        var connection = Open();
        Execute(connection, "PRAGMA cache_size = -65536;");
        return connection;
    }

    /// <summary>Opens a connection with the durable settings; creates the folder and the file if missing.</summary>
    public SqliteConnection Open()
    {
        _ = Native.Value;
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        var connection = new SqliteConnection(_connectionString) { DefaultTimeout = (int)BusyTimeout.TotalSeconds };
        try
        {
            connection.Open();
            // No commit checkpoints (a snapshot save past the threshold held the write lock 7-12 ms for it): the file's
            // background checkpointer, which every store on it holds (WalCheckpointers), copies the log instead.
            Execute(connection, $"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {_synchronous}; PRAGMA wal_autocheckpoint = 0;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Switches the file to WAL (a persistent setting) and runs <paramref name="schemaSql"/> in one transaction.</summary>
    public static void CreateSchema(SqliteConnection connection, string schemaSql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Execute(connection, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction();
        Execute(connection, schemaSql, transaction);
        transaction.Commit();
    }

    /// <summary>Runs SQL without results.</summary>
    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>Unix milliseconds, the stored form of timestamps (UTC).</summary>
    public static long ToUnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>The stored form back to a UTC timestamp.</summary>
    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
