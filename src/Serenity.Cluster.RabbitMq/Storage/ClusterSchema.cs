using Npgsql;

namespace Serenity.Cluster.RabbitMq.Storage;

/// <summary>
/// The membership and lease tables (created if absent, under an advisory lock, so several nodes may
/// start at once). Times are the database's (<c>now()</c>), so node clocks never need to agree.
/// </summary>
public static class ClusterSchema
{
    /// <summary>Creates the schema's cluster tables if they are absent.</summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var s = Quote(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('serenity.cluster.schema'), hashtext($1))", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var ddl = $"""
            CREATE SCHEMA IF NOT EXISTS {s};
            CREATE TABLE IF NOT EXISTS {s}.cluster_member (
                cluster       TEXT        NOT NULL,
                node_id       TEXT        NOT NULL,
                address       TEXT        NOT NULL,
                roles         TEXT[]      NOT NULL,
                status        TEXT        NOT NULL,
                incarnation   BIGINT      NOT NULL,
                joined_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
                heartbeat_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
                PRIMARY KEY (cluster, node_id)
            );
            CREATE TABLE IF NOT EXISTS {s}.cluster_lease (
                cluster     TEXT        NOT NULL,
                name        TEXT        NOT NULL,
                owner       TEXT,
                epoch       BIGINT      NOT NULL DEFAULT 0,
                expires_at  TIMESTAMPTZ NOT NULL DEFAULT '-infinity',
                PRIMARY KEY (cluster, name)
            );
            """;
        await using (var command = new NpgsqlCommand(ddl, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Quotes an identifier.</summary>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
