using Npgsql;
using NpgsqlTypes;
using Serenity.Cluster.Membership;

namespace Serenity.Cluster.RabbitMq.Storage;

/// <summary>The membership table of one cluster: register, heartbeat, status changes, reads.</summary>
public sealed class MembershipStore(NpgsqlDataSource dataSource, string schema, string cluster)
{
    private readonly string _table = ClusterSchema.Quote(schema) + ".cluster_member";

    /// <summary>Registers (or re-registers) a node as Joining with the next incarnation; returns the incarnation.</summary>
    public async Task<long> RegisterAsync(string nodeId, string address, IEnumerable<string> roles, CancellationToken ct = default)
    {
        var sql = $"""
            INSERT INTO {_table} (cluster, node_id, address, roles, status, incarnation, joined_at, heartbeat_at)
            VALUES ($1, $2, $3, $4, 'Joining', 1, now(), now())
            ON CONFLICT (cluster, node_id) DO UPDATE SET address = EXCLUDED.address, roles = EXCLUDED.roles,
                status = 'Joining', incarnation = {_table}.incarnation + 1, joined_at = now(), heartbeat_at = now()
            RETURNING incarnation
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(Text(cluster));
        command.Parameters.Add(Text(nodeId));
        command.Parameters.Add(Text(address));
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = roles.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>Heartbeats this incarnation; returns its status, or null if the row is gone or belongs to a newer incarnation.</summary>
    public async Task<MemberStatus?> HeartbeatAsync(string nodeId, long incarnation, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"UPDATE {_table} SET heartbeat_at = now() WHERE cluster = $1 AND node_id = $2 AND incarnation = $3 RETURNING status");
        command.Parameters.Add(Text(cluster));
        command.Parameters.Add(Text(nodeId));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = incarnation });
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string s ? Enum.Parse<MemberStatus>(s) : null;
    }

    /// <summary>Sets this incarnation's status (a Down or replaced incarnation is not changed).</summary>
    public async Task<bool> SetStatusAsync(string nodeId, long incarnation, MemberStatus status, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"UPDATE {_table} SET status = $4 WHERE cluster = $1 AND node_id = $2 AND incarnation = $3 AND status <> 'Down'");
        command.Parameters.Add(Text(cluster));
        command.Parameters.Add(Text(nodeId));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = incarnation });
        command.Parameters.Add(Text(status.ToString()));
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Asks a member to leave (an operator's <c>cluster leave</c> from any node): its status becomes Leaving if it is
    /// Joining or Up; the member notices on its next heartbeat, hands its shards off and goes on to Exiting and Removed.
    /// </summary>
    public async Task<bool> RequestLeaveAsync(string nodeId, long incarnation, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"UPDATE {_table} SET status = 'Leaving' WHERE cluster = $1 AND node_id = $2 AND incarnation = $3 AND status IN ('Joining', 'Up')");
        command.Parameters.Add(Text(cluster));
        command.Parameters.Add(Text(nodeId));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = incarnation });
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    /// <summary>Declares Down every live member silent for longer than <paramref name="silence"/>; returns how many.</summary>
    public async Task<int> DownSilentAsync(TimeSpan silence, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"UPDATE {_table} SET status = 'Down' WHERE cluster = $1 AND status IN ('Joining', 'Up', 'Leaving', 'Exiting') AND heartbeat_at < now() - $2");
        command.Parameters.Add(Text(cluster));
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = silence });
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Every member not yet Removed; reachable means a heartbeat within <paramref name="unreachableAfter"/>.</summary>
    public async Task<IReadOnlyList<Member>> ReadAsync(TimeSpan unreachableAfter, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT node_id, address, roles, status, incarnation, heartbeat_at >= now() - $2 FROM {_table} WHERE cluster = $1 AND status <> 'Removed' ORDER BY node_id");
        command.Parameters.Add(Text(cluster));
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = unreachableAfter });
        var members = new List<Member>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            members.Add(new Member(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<string[]>(2).ToHashSet(StringComparer.Ordinal),
                Enum.Parse<MemberStatus>(reader.GetString(3)), reader.GetInt64(4), reader.GetBoolean(5)));
        }
        return members;
    }

    private static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value };
}
