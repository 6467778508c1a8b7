using Microsoft.Data.Sqlite;

namespace Serenity.Persistence.Sqlite;

/// <summary>
/// Open connections reused by reads (replays, queries) and rare writes; one is rented per operation.
/// In WAL mode readers run beside the writer without blocking it. Connections returned after
/// <see cref="Dispose"/> are closed.
/// </summary>
internal sealed class SqliteConnectionPool(SqliteDatabase database, int maxIdle) : IDisposable
{
    private readonly Stack<SqliteConnection> _idle = new();
    private bool _disposed;

    /// <summary>An open connection, returned to the pool when the lease is disposed.</summary>
    public Lease Rent()
    {
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var connection)) return new Lease(this, connection);
        }
        return new Lease(this, database.Open());
    }

    public void Dispose()
    {
        lock (_idle)
        {
            _disposed = true;
            while (_idle.TryPop(out var connection)) connection.Dispose();
        }
    }

    private void Return(SqliteConnection connection)
    {
        lock (_idle)
        {
            if (!_disposed && _idle.Count < maxIdle && connection.State == System.Data.ConnectionState.Open)
            {
                _idle.Push(connection);
                return;
            }
        }
        connection.Dispose();
    }

    /// <summary>A rented connection.</summary>
    public readonly struct Lease(SqliteConnectionPool pool, SqliteConnection connection) : IDisposable
    {
        public SqliteConnection Connection { get; } = connection;

        public void Dispose() => pool.Return(Connection);
    }
}
