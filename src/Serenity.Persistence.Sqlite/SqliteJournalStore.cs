using Microsoft.Data.Sqlite;
using Serenity.Hocon;
using Serenity.Persistence.Journal;

namespace Serenity.Persistence.Sqlite;

/// <summary>
/// The embedded journal: a SQLite file in WAL mode with durable commits. Writes go through one
/// connection, one transaction per batch; replays and queries use their own connections and run
/// beside the writer. Work is synchronous on the calling thread (the journal calls from its own loop).
/// </summary>
public sealed class SqliteJournalStore : IJournalStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteConnectionPool _readers;
    private readonly object _writeGate;
    private readonly CheckpointSchedule _checkpoints;
    private JournalWriter? _writer;
    private WalCheckpointers.Lease? _checkpointer;
    private bool _disposed;

    /// <summary>
    /// Created by the plugin loader with its config section: <c>path</c> names the file (default <c>data/serenity.db</c>),
    /// <c>checkpoint-interval</c> how often a background thread copies the write-ahead log into it (default 100 ms),
    /// <c>log-restart-size</c> how large the log may grow under steady writes before it is made to start over (default 32 MiB).
    /// </summary>
    public SqliteJournalStore(Config config)
        : this(SqliteDatabase.PathFrom(config), CheckpointSchedule.From(config))
    {
    }

    /// <summary>A journal in the file at <paramref name="path"/> (created with its folder if missing).</summary>
    public SqliteJournalStore(string path, TimeSpan? checkpointInterval = null, long? logRestartBytes = null)
        : this(path, new CheckpointSchedule(checkpointInterval, logRestartBytes))
    {
    }

    private SqliteJournalStore(string path, CheckpointSchedule checkpoints)
    {
        _checkpoints = checkpoints;
        _database = new SqliteDatabase(path);
        _writeGate = SqliteWriteGate.For(_database.Path); // shared with a snapshot store on the same file
        _readers = new SqliteConnectionPool(_database, maxIdle: 8);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string Path => _database.Path;

    /// <summary>The background checkpoints of the file so far (shared with a snapshot store on it): runs and failed runs.</summary>
    public (long Runs, long Failures) CheckpointStatistics => _checkpointer?.Statistics ?? default;

    /// <summary>Completes once the file's background checkpointer has run <paramref name="runs"/> times (for tests).</summary>
    internal Task CheckpointRunsReachedAsync(long runs) =>
        _checkpointer?.RunsReachedAsync(runs) ?? throw new InvalidOperationException("InitializeAsync must be called first");

    /// <summary>The file's gated checkpoint passes so far that let a full log start over (shared with a snapshot store on it).</summary>
    public long LogRestarts => _checkpointer?.LogRestarts ?? 0;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => SqliteTasks.Run(() =>
    {
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is not null) return;
            var connection = _database.OpenWriter();
            try
            {
                SqliteDatabase.CreateSchema(connection, JournalSql.Schema);
                _checkpointer = WalCheckpointers.Acquire(_database, _checkpoints);
                _writer = new JournalWriter(connection);
            }
            catch
            {
                _checkpointer?.Dispose();
                _checkpointer = null;
                connection.Dispose();
                throw;
            }
        }
    });

    /// <inheritdoc />
    public Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken) =>
        Write(atomicWrites, deferred: false);

    /// <summary>
    /// Commits without syncing the write-ahead log (<c>synchronous = NORMAL</c> for that commit): the next synced commit's
    /// fsync covers it, and after a power loss SQLite recovers only an unbroken prefix of the log.
    /// </summary>
    public Task WriteDeferredAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken) =>
        Write(atomicWrites, deferred: true);

    /// <summary>Whether the journal's last commit synced the log (false after a deferred write; for tests).</summary>
    internal bool LastCommitSynced
    {
        get
        {
            lock (_writeGate) return Writer.Syncing;
        }
    }

    private Task Write(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, bool deferred)
    {
        ArgumentNullException.ThrowIfNull(atomicWrites);
        return SqliteTasks.Run(() =>
        {
            lock (_writeGate) Writer.Write(atomicWrites, deferred);
        });
    }

    /// <inheritdoc />
    public Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalRow> onRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onRow);
        return SqliteTasks.Run(() =>
        {
            using var lease = _readers.Rent();
            using var query = new JournalRowQuery(lease.Connection, JournalSql.Replay);
            query.Bind(1, persistenceId).Bind(2, fromSequenceNr).Bind(3, toSequenceNr).Bind(4, max).ForEach(onRow, cancellationToken);
        });
    }

    /// <inheritdoc />
    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken) => SqliteTasks.Run(() =>
    {
        using var lease = _readers.Rent();
        using var command = lease.Connection.CreateCommand();
        command.CommandText = JournalSql.HighestSequenceNr;
        command.Parameters.AddWithValue("$persistence_id", persistenceId);
        return command.ExecuteScalar() is long highest ? highest : 0L;
    });

    /// <inheritdoc />
    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) => SqliteTasks.Run(() =>
    {
        lock (_writeGate) Writer.DeleteTo(persistenceId, toSequenceNr);
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalRow>> ReadTaggedAsync(string tag, long afterOrdering, int max, CancellationToken cancellationToken) => SqliteTasks.Run(() =>
    {
        using var lease = _readers.Rent();
        using var query = new JournalRowQuery(lease.Connection, JournalSql.Tagged);
        var rows = new List<JournalRow>();
        query.Bind(1, tag).Bind(2, afterOrdering).Bind(3, max).ForEach(rows.Add, cancellationToken);
        return (IReadOnlyList<JournalRow>)rows;
    });

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        lock (_writeGate)
        {
            _disposed = true;
            _writer?.Dispose();
            _writer = null;
        }
        _readers.Dispose();
        _checkpointer?.Dispose(); // last: closing the file's last connection checkpoints the whole log
        return ValueTask.CompletedTask;
    }

    private JournalWriter Writer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _writer ?? throw new InvalidOperationException("InitializeAsync must be called before the journal is used");
        }
    }
}
