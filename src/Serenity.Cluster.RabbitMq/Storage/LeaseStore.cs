using Npgsql;

namespace Serenity.Cluster.RabbitMq.Storage;

/// <summary>A lease row: who holds it, with which epoch (fencing token), until when (database time).</summary>
public sealed record Lease(string Name, string? Owner, long Epoch, bool Live);

/// <summary>
/// Leases of one cluster (shards and singletons). A lease is taken only when it is free, expired or
/// held by a member that is no longer live; every take bumps the epoch. Renewal extends only
/// unexpired leases of this owner, so a paused node that wakes up past its expiry finds it lost them.
/// </summary>
public sealed class LeaseStore(NpgsqlDataSource dataSource, string schema, string cluster)
{
    private readonly string _table = ClusterSchema.Quote(schema) + ".cluster_lease";

    /// <summary>Creates the rows of <paramref name="names"/> if absent (free, epoch 0).</summary>
    public async Task EnsureAsync(IReadOnlyList<string> names, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"INSERT INTO {_table} (cluster, name) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING");
        command.Parameters.Add(Text(cluster));
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = names.ToArray() });
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Every lease whose name starts with <paramref name="prefix"/>; Live = held and unexpired.</summary>
    public async Task<IReadOnlyList<Lease>> ReadAsync(string prefix, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT name, owner, epoch, owner IS NOT NULL AND expires_at > now() FROM {_table} WHERE cluster = $1 AND starts_with(name, $2) ORDER BY name");
        command.Parameters.Add(Text(cluster));
        command.Parameters.Add(Text(prefix));
        var leases = new List<Lease>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            leases.Add(new Lease(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetBoolean(3)));
        }
        return leases;
    }

    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="owner"/> if it is free or expired (never from a
    /// holder whose lease still runs: that holder may still be working); returns the new epoch, or null.
    /// </summary>
    public async Task<long?> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken ct = default)
    {
        var sql = $"""
            UPDATE {_table} SET owner = $3, epoch = epoch + 1, expires_at = now() + $4
            WHERE cluster = $1 AND name = $2 AND (owner IS NULL OR expires_at <= now())
            RETURNING epoch
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(Text(cluster));
        command.Parameters.Add(Text(name));
        command.Parameters.Add(Text(owner));
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = duration });
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is long epoch ? epoch : null;
    }

    /// <summary>Extends every unexpired lease <paramref name="owner"/> holds under <paramref name="prefix"/>; returns them with their epochs.</summary>
    public async Task<IReadOnlyDictionary<string, long>> RenewAsync(string prefix, string owner, TimeSpan duration, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"UPDATE {_table} SET expires_at = now() + $4 WHERE cluster = $1 AND starts_with(name, $2) AND owner = $3 AND expires_at > now() RETURNING name, epoch");
        command.Parameters.Add(Text(cluster));
        command.Parameters.Add(Text(prefix));
        command.Parameters.Add(Text(owner));
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = duration });
        var held = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) held[reader.GetString(0)] = reader.GetInt64(1);
        return held;
    }

    /// <summary>Frees <paramref name="name"/> if <paramref name="owner"/> still holds it with <paramref name="epoch"/>.</summary>
    public async Task<bool> ReleaseAsync(string name, string owner, long epoch, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"UPDATE {_table} SET owner = NULL, expires_at = '-infinity' WHERE cluster = $1 AND name = $2 AND owner = $3 AND epoch = $4");
        command.Parameters.Add(Text(cluster));
        command.Parameters.Add(Text(name));
        command.Parameters.Add(Text(owner));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = epoch });
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    private static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value };

    /// <summary>Frees every lease <paramref name="owner"/> holds (a clean shutdown: nobody waits for expiry).</summary>
    public async Task<int> ReleaseAllAsync(string owner, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"UPDATE {_table} SET owner = NULL, expires_at = '-infinity' WHERE cluster = $1 AND owner = $2");
        command.Parameters.Add(Text(cluster));
        command.Parameters.Add(Text(owner));
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
