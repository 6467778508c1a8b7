using System.Globalization;
using Serenity.Hocon;

namespace Serenity.Cluster.TestNode;

/// <summary>The HOCON of a test node: cluster provider, PostgreSQL journal, fast timings (tests wait on them).</summary>
public static class NodeConfig
{
    /// <summary>The shard lease of test nodes: a graceful hand-off must beat it, a failover waits for it.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    /// <summary>A node's configuration; secrets come from the environment unless given.</summary>
    public static Config Build(string cluster, string node, string schema, IEnumerable<string> roles, int shards, string? postgres = null, string? rabbitMq = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var roleList = string.Join(", ", roles.Select(Quote));
        var shardCount = shards.ToString(CultureInfo.InvariantCulture);
        var secrets = (postgres is null ? "" : $"serenity.cluster.postgresql.connection-string = {Quote(postgres)}\nserenity.persistence.journal.postgresql.connection-string = {Quote(postgres)}\nserenity.persistence.snapshot-store.postgresql.connection-string = {Quote(postgres)}\n")
            + (rabbitMq is null ? "" : $"serenity.cluster.rabbitmq.uri = {Quote(rabbitMq)}\n");
        return ConfigurationFactory.ParseString($$"""
            serenity {
              stdout-loglevel = WARNING
              actor.provider = cluster
              cluster {
                provider-class = "Serenity.Cluster.RabbitMq.RabbitMqClusterProvider, Serenity.Cluster.RabbitMq"
                cluster-name = {{Quote(cluster)}}
                node-name = {{Quote(node)}}
                roles = [{{roleList}}]
                postgresql.schema = {{Quote(schema)}}
                rabbitmq.heartbeat = 2s
                membership { heartbeat-interval = 500ms, unreachable-after = 2s, stable-after = 2s }
                sharding { role = "trading", number-of-shards = {{shardCount}}, lease-duration = {{LeaseDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}}s, rebalance-batch = 4, hand-off-timeout = 5s, tell-ack-after = 5s, reply-timeout = 30s }
              }
              # The market-data ingestor (started only with the market-data argument): a small, slow simulator.
              market-data { source = simulator, symbols = ["AAPL", "MSFT"], simulator.quotes-per-second = 20 }
              persistence.journal { plugin = postgresql, postgresql.schema = {{Quote(schema)}} }
              persistence.snapshot-store { plugin = postgresql, postgresql.schema = {{Quote(schema)}} }
            }
            {{secrets}}
            """);
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
