using Microsoft.Data.Sqlite;
using Serenity.Hocon;
using Serenity.Persistence.Snapshots;

namespace Serenity.Persistence.Sqlite;

/// <summary>
/// Snapshots in a SQLite file (by default the journal's file: each store opens its own connections,
/// WAL lets them share it). A completed save survives a process crash; on power loss the newest saves
/// may be lost (no fsync per save), and recovery then starts from an older snapshot and replays more.
/// Saves never checkpoint in their commit: the file's background checkpointer (<see cref="WalCheckpointers"/>,
/// shared with the journal) copies the log, every <c>checkpoint-interval</c>.
/// </summary>
public sealed class SqliteSnapshotStore : ISnapshotStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteConnectionPool _connections;
    private readonly object _writeGate;
    private readonly CheckpointSchedule _checkpoints;
    private readonly object _checkpointerLock = new();
    private WalCheckpointers.Lease? _checkpointer;
    private bool _disposed;

    /// <summary>
    /// Created by the plugin loader with its config section: <c>path</c> names the file (default <c>data/serenity.db</c>),
    /// <c>checkpoint-interval</c> how often the log is copied into it at least (default 100 ms), <c>log-restart-size</c>
    /// how large the log may grow at most before it is made to start over (default 32 MiB).
    /// </summary>
    public SqliteSnapshotStore(Config config)
        : this(SqliteDatabase.PathFrom(config), CheckpointSchedule.From(config))
    {
    }

    /// <summary>A snapshot store in the file at <paramref name="path"/> (created with its folder if missing).</summary>
    public SqliteSnapshotStore(string path, TimeSpan? checkpointInterval = null, long? logRestartBytes = null)
        : this(path, new CheckpointSchedule(checkpointInterval, logRestartBytes))
    {
    }

    private SqliteSnapshotStore(string path, CheckpointSchedule checkpoints)
    {
        _checkpoints = checkpoints;
        _database = new SqliteDatabase(path, fsyncEveryCommit: false);
        _writeGate = SqliteWriteGate.For(_database.Path); // shared with the journal on the same file
        _connections = new SqliteConnectionPool(_database, maxIdle: 4);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string Path => _database.Path;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => SqliteTasks.Run(() =>
    {
        using (var lease = _connections.Rent()) SqliteDatabase.CreateSchema(lease.Connection, SnapshotSql.Schema);
        lock (_checkpointerLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _checkpointer ??= WalCheckpointers.Acquire(_database, _checkpoints);
        }
    });

    /// <summary>How often this store asks for the file's log to be checkpointed at least (the file's checkpointer runs at the shortest asked for).</summary>
    public TimeSpan CheckpointInterval => _checkpoints.Interval;

    /// <summary>How large this store lets the file's log grow at most before it is made to start over.</summary>
    public long LogRestartBytes => _checkpoints.LogRestartBytes;

    /// <summary>The background checkpoints of the file so far (shared with a journal on it): runs and failed runs.</summary>
    public (long Runs, long Failures) CheckpointStatistics
    {
        get
        {
            lock (_checkpointerLock) return _checkpointer?.Statistics ?? default;
        }
    }

    /// <summary>Completes once the file's background checkpointer has run <paramref name="runs"/> times (for tests).</summary>
    internal Task CheckpointRunsReachedAsync(long runs)
    {
        lock (_checkpointerLock) return _checkpointer?.RunsReachedAsync(runs) ?? throw new InvalidOperationException("InitializeAsync must be called first");
    }

    /// <inheritdoc />
    public Task SaveAsync(SnapshotRow snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return SqliteTasks.Run(() =>
        {
            using var lease = _connections.Rent();
            lock (_writeGate) SnapshotWrite.Save(lease.Connection, snapshot);
        });
    }

    /// <inheritdoc />
    public Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return SqliteTasks.Run(() =>
        {
            using var lease = _connections.Rent();
            using var command = Matching(lease.Connection, SnapshotSql.LoadLatest, persistenceId, criteria);
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new SnapshotRow(persistenceId, reader.GetInt64(0), SqliteDatabase.FromUnixMs(reader.GetInt64(1)), reader.GetString(2), reader.GetFieldValue<byte[]>(3))
                : null;
        });
    }

    /// <inheritdoc />
    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return SqliteTasks.Run(() =>
        {
            using var lease = _connections.Rent();
            using var command = Matching(lease.Connection, SnapshotSql.Delete, persistenceId, criteria);
            lock (_writeGate) command.ExecuteNonQuery();
        });
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _connections.Dispose();
        lock (_checkpointerLock)
        {
            _disposed = true;
            _checkpointer?.Dispose(); // last: closing the file's last connection checkpoints the whole log
            _checkpointer = null;
        }
        return ValueTask.CompletedTask;
    }

    private static SqliteCommand Matching(SqliteConnection connection, string sql, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$persistence_id", persistenceId);
        command.Parameters.AddWithValue("$min_sequence_nr", criteria.MinSequenceNr);
        command.Parameters.AddWithValue("$max_sequence_nr", criteria.MaxSequenceNr);
        // Stored times have millisecond precision: compare at that precision.
        command.Parameters.AddWithValue("$max_created", criteria.MaxTimestamp is { } max ? SqliteDatabase.ToUnixMs(max) : long.MaxValue);
        return command;
    }
}
