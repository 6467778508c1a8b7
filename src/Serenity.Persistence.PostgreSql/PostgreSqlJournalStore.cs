using System.Data;
using Npgsql;
using NpgsqlTypes;
using Serenity.Hocon;
using Serenity.Persistence.Journal;

namespace Serenity.Persistence.PostgreSql;

/// <summary>
/// The PostgreSQL journal (the cluster's plugin): one table of events keyed by (persistence id,
/// sequence nr) with a global identity <c>ordering</c>, a partial GIN index on the tags, and a metadata table
/// that keeps the highest sequence nr of ids whose newest events were deleted. A batch of atomic
/// writes is one binary COPY in one transaction; a unique violation becomes a
/// <see cref="JournalCollisionException"/> naming the key. Note for tag readers: <c>ordering</c> is
/// assigned at insert, so with several writing nodes a smaller ordering can commit after a larger one
/// has been read (as in Akka.Persistence.Sql); a reader that must not miss events re-reads a window.
/// </summary>
public sealed class PostgreSqlJournalStore : IJournalStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _deferredDataSource; // for deferred writes: sessions with synchronous_commit off
    private readonly PostgreSqlTables _tables;
    private readonly JournalSql _sql;

    /// <summary>Created by the plugin loader with its section (<c>serenity.persistence.journal.postgresql</c>).</summary>
    public PostgreSqlJournalStore(Config config)
        : this(PostgreSqlSettings.FromConfig(config, "serenity.persistence.journal.postgresql"))
    {
    }

    /// <summary>A journal in <paramref name="schema"/> of the database <paramref name="connectionString"/> names.</summary>
    public PostgreSqlJournalStore(string connectionString, string schema)
        : this(PostgreSqlSettings.Create(connectionString, schema))
    {
    }

    private PostgreSqlJournalStore(PostgreSqlSettings settings)
    {
        _tables = new PostgreSqlTables(settings.Schema);
        _sql = new JournalSql(_tables);
        _dataSource = PostgreSqlDataSource.Create(settings.ConnectionString);
        _deferredDataSource = PostgreSqlDataSource.Create(settings.ConnectionString, deferredCommits: true);
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => PostgreSqlSchema.MigrateAsync(_dataSource, _tables, cancellationToken);

    /// <inheritdoc />
    public Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken) =>
        WriteAsync(_dataSource, atomicWrites, cancellationToken);

    /// <summary>
    /// The same COPY on a session with <c>synchronous_commit = off</c>: the commit does not wait for its WAL flush, which
    /// the next synchronous commit's flush covers, as PostgreSQL flushes its WAL in order.
    /// </summary>
    public Task WriteDeferredAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken) =>
        WriteAsync(_deferredDataSource, atomicWrites, cancellationToken);

    /// <summary>A connection of the kind deferred (or synced) writes use (for tests).</summary>
    internal ValueTask<NpgsqlConnection> OpenWriteConnectionAsync(bool deferred, CancellationToken cancellationToken) =>
        (deferred ? _deferredDataSource : _dataSource).OpenConnectionAsync(cancellationToken);

    private async Task WriteAsync(NpgsqlDataSource dataSource, IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(atomicWrites);
        if (BatchCollision.FindDuplicate(atomicWrites) is { } duplicate) throw Collision(duplicate.PersistenceId, duplicate.SequenceNr, null);
        if (atomicWrites.All(w => w.Count == 0)) return;
        try
        {
            await CopyAsync(dataSource, atomicWrites, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            var existing = await FindExistingAsync(atomicWrites, cancellationToken).ConfigureAwait(false);
            throw existing is { } key
                ? Collision(key.PersistenceId, key.SequenceNr, e)
                : new JournalCollisionException($"a journal write of {atomicWrites.Count} atomic writes collided with an existing (persistence id, sequence nr): another writer owns one of its entities", e);
        }
    }

    /// <inheritdoc />
    public async Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalRow> onRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(onRow);
        if (max <= 0 || fromSequenceNr > toSequenceNr) return;
        await using var command = _dataSource.CreateCommand(_sql.Replay);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromSequenceNr });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toSequenceNr });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = max });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            onRow(JournalRowReader.Read(reader, persistenceId));
        }
    }

    /// <inheritdoc />
    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        await using var command = _dataSource.CreateCommand(_sql.Highest);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        await using var command = _dataSource.CreateCommand(_sql.Delete);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toSequenceNr });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalRow>> ReadTaggedAsync(string tag, long afterOrdering, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var rows = new List<JournalRow>();
        if (max <= 0) return rows;
        await using var command = _dataSource.CreateCommand(_sql.Tagged);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tag });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterOrdering });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = max });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(JournalRowReader.Read(reader));
        return rows;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _deferredDataSource.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Every row of every atomic write in one transaction: ONE binary COPY statement, which PostgreSQL runs
    /// atomically in its own transaction (all rows or none), committed when the COPY completes. No explicit
    /// BEGIN/COMMIT: it would only add a round trip per batch, and the batching journal writes one batch at
    /// a time. Fields are written with the importer's synchronous calls (they fill its buffer, flushing to
    /// the socket when full): per-field awaits cost more than the writing itself.
    /// </summary>
    private async Task CopyAsync(NpgsqlDataSource dataSource, IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var importer = await connection.BeginBinaryImportAsync(_sql.Copy, cancellationToken).ConfigureAwait(false))
        {
            foreach (var write in atomicWrites)
            {
                foreach (var row in write)
                {
                    importer.StartRow();
                    importer.Write(row.PersistenceId, NpgsqlDbType.Text);
                    importer.Write(row.SequenceNr, NpgsqlDbType.Bigint);
                    importer.Write(row.Created.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                    importer.Write(row.Manifest, NpgsqlDbType.Text);
                    importer.Write(row.Payload, NpgsqlDbType.Bytea);
                    importer.Write(row.Tags as string[] ?? [.. row.Tags], NpgsqlDbType.Array | NpgsqlDbType.Text);
                    importer.Write(row.WriterId, NpgsqlDbType.Text);
                }
            }
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After a unique violation: the first key of the batch that is stored (null if none is, e.g. the other writer rolled back).</summary>
    private async Task<(string PersistenceId, long SequenceNr)?> FindExistingAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken)
    {
        var rows = atomicWrites.SelectMany(w => w).ToList();
        try
        {
            await using var command = _dataSource.CreateCommand(_sql.FindExisting);
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => r.PersistenceId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = rows.Select(r => r.SequenceNr).ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetString(0), reader.GetInt64(1)) : null;
        }
        catch (NpgsqlException)
        {
            return null; // the collision is what matters; which key it was is a courtesy
        }
    }

    private static JournalCollisionException Collision(string persistenceId, long sequenceNr, Exception? inner) =>
        new($"persistence id '{persistenceId}' already has sequence nr {sequenceNr}: another writer owns it", inner);
}
