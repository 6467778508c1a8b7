using Npgsql;
using NpgsqlTypes;
using Serenity.Hocon;
using Serenity.Persistence.Snapshots;

namespace Serenity.Persistence.PostgreSql;

/// <summary>The PostgreSQL snapshot store: one row per (persistence id, sequence nr), in the journal's schema.</summary>
public sealed class PostgreSqlSnapshotStore : ISnapshotStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlTables _tables;
    private readonly SnapshotSql _sql;

    /// <summary>Created by the plugin loader with its section (<c>serenity.persistence.snapshot-store.postgresql</c>).</summary>
    public PostgreSqlSnapshotStore(Config config)
        : this(PostgreSqlSettings.FromConfig(config, "serenity.persistence.snapshot-store.postgresql"))
    {
    }

    /// <summary>A snapshot store in <paramref name="schema"/> of the database <paramref name="connectionString"/> names.</summary>
    public PostgreSqlSnapshotStore(string connectionString, string schema)
        : this(PostgreSqlSettings.Create(connectionString, schema))
    {
    }

    private PostgreSqlSnapshotStore(PostgreSqlSettings settings)
    {
        _tables = new PostgreSqlTables(settings.Schema);
        _sql = new SnapshotSql(_tables);
        _dataSource = PostgreSqlDataSource.Create(settings.ConnectionString);
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => PostgreSqlSchema.MigrateAsync(_dataSource, _tables, cancellationToken);

    /// <inheritdoc />
    public async Task SaveAsync(SnapshotRow snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var command = _dataSource.CreateCommand(_sql.Save);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = snapshot.PersistenceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = snapshot.SequenceNr });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = snapshot.Created.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = snapshot.Manifest });
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = snapshot.Payload, NpgsqlDbType = NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        await using var command = _dataSource.CreateCommand(_sql.Load(criteria));
        AddCriteria(command, persistenceId, criteria);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new SnapshotRow(persistenceId, reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3));
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        await using var command = _dataSource.CreateCommand(_sql.Delete(criteria));
        AddCriteria(command, persistenceId, criteria);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static void AddCriteria(NpgsqlCommand command, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = criteria.MinSequenceNr });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = criteria.MaxSequenceNr });
        if (criteria.MaxTimestamp is { } maxTimestamp)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = maxTimestamp.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        }
    }
}
