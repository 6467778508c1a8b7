using Npgsql;

namespace Serenity.Persistence.PostgreSql;

/// <summary>
/// Creates the journal and snapshot tables if they are absent. Idempotent, and safe when several nodes
/// start at once: the DDL runs in one transaction under an advisory lock keyed by the schema name.
/// When every table already exists nothing is locked or created, so a role without DDL rights can run
/// against a schema prepared by <see cref="MigrateAsync(string, string, CancellationToken)"/> (the
/// <c>migrate</c> command).
/// </summary>
public static class PostgreSqlSchema
{
    /// <summary>Creates the schema and tables named by <paramref name="schema"/> if they are absent.</summary>
    public static async Task MigrateAsync(string connectionString, string schema, CancellationToken cancellationToken = default)
    {
        var settings = PostgreSqlSettings.Create(connectionString, schema);
        await using var dataSource = PostgreSqlDataSource.Create(settings.ConnectionString);
        await MigrateAsync(dataSource, new PostgreSqlTables(settings.Schema), cancellationToken).ConfigureAwait(false);
    }

    internal static async Task MigrateAsync(NpgsqlDataSource dataSource, PostgreSqlTables tables, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (await ExistsAsync(connection, tables, cancellationToken).ConfigureAwait(false)) return;

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('serenity.persistence.schema'), hashtext($1))", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tables.SchemaName });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        // CREATE SCHEMA IF NOT EXISTS demands CREATE on the database even when the schema exists ("public").
        if (!await SchemaExistsAsync(connection, transaction, tables.SchemaName, cancellationToken).ConfigureAwait(false))
        {
            await ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {tables.Schema}", cancellationToken).ConfigureAwait(false);
        }
        await ExecuteAsync(connection, transaction, Ddl(tables), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The tables and indexes (every statement idempotent). Persistence ids compare bytewise (COLLATE "C"):
    /// the key index stays fast whatever the database's locale. The tag index is partial: GIN would otherwise
    /// add an entry for every untagged event too (the tag query repeats the predicate so it applies).
    /// </summary>
    private static string Ddl(PostgreSqlTables t) => $"""
        CREATE TABLE IF NOT EXISTS {t.Journal} (
            ordering        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            persistence_id  TEXT COLLATE "C" NOT NULL,
            sequence_nr     BIGINT      NOT NULL,
            created         TIMESTAMPTZ NOT NULL,
            manifest        TEXT        NOT NULL,
            payload         BYTEA       NOT NULL,
            tags            TEXT[]      NOT NULL DEFAULT ARRAY[]::TEXT[],
            writer_id       TEXT        NOT NULL,
            CONSTRAINT journal_persistence_id_sequence_nr_key UNIQUE (persistence_id, sequence_nr)
        );
        CREATE INDEX IF NOT EXISTS journal_tags_idx ON {t.Journal} USING GIN (tags) WHERE cardinality(tags) > 0;
        CREATE TABLE IF NOT EXISTS {t.Metadata} (
            persistence_id  TEXT COLLATE "C" PRIMARY KEY,
            max_sequence_nr BIGINT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS {t.Snapshot} (
            persistence_id  TEXT COLLATE "C" NOT NULL,
            sequence_nr     BIGINT      NOT NULL,
            created         TIMESTAMPTZ NOT NULL,
            manifest        TEXT        NOT NULL,
            payload         BYTEA       NOT NULL,
            PRIMARY KEY (persistence_id, sequence_nr)
        );
        """;

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, PostgreSqlTables t, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL AND to_regclass($3) IS NOT NULL AND to_regclass($4) IS NOT NULL", connection);
        foreach (var name in new[] { t.Journal, t.Metadata, t.Snapshot, t.Schema + ".journal_tags_idx" })
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        }
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<bool> SchemaExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
