using System.Globalization;
using Serenity.Hocon;

namespace Serenity.Cluster.RabbitMq;

/// <summary>
/// The cluster provider's settings (<c>serenity.cluster</c>, every key commented in <c>hocon/cluster.conf</c>).
/// Connection strings are secrets: they never appear in <see cref="ToString"/>, messages or logs.
/// </summary>
public sealed class ClusterSettings
{
    /// <summary>Environment variable with the PostgreSQL connection string (shared with the journal plugin).</summary>
    public const string PostgresEnvironmentVariable = "SERENITY_POSTGRES_CONNECTION";

    /// <summary>Environment variable with the RabbitMQ URI (<c>amqp://user:password@host:port/vhost</c>).</summary>
    public const string RabbitMqEnvironmentVariable = "SERENITY_RABBITMQ_URI";

    private const string Root = "serenity.cluster";

    private ClusterSettings(Config c)
    {
        ClusterName = Name(c, "cluster-name", "serenity");
        NodeName = c.GetString(Root + ".node-name", "") is { Length: > 0 } n ? n : $"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";
        Address = c.GetString(Root + ".address", "") is { Length: > 0 } a ? a : DefaultAddress(c);
        Roles = c.GetStringList(Root + ".roles", []).ToHashSet(StringComparer.Ordinal);
        PostgresConnection = Secret(c, "postgresql.connection-string", PostgresEnvironmentVariable);
        PostgresSchema = Name(c, "postgresql.schema", "public");
        RabbitMqUri = Secret(c, "rabbitmq.uri", RabbitMqEnvironmentVariable);
        RabbitMqHeartbeat = Positive(c, "rabbitmq.heartbeat", TimeSpan.FromSeconds(5));
        Prefetch = (ushort)Math.Clamp(c.GetInt(Root + ".rabbitmq.prefetch", 100), 1, ushort.MaxValue);
        MaxUnconfirmed = PositiveCount(c, "rabbitmq.max-unconfirmed", 16);
        HeartbeatInterval = Positive(c, "membership.heartbeat-interval", TimeSpan.FromSeconds(1));
        UnreachableAfter = Positive(c, "membership.unreachable-after", TimeSpan.FromSeconds(5));
        StableAfter = Positive(c, "membership.stable-after", TimeSpan.FromSeconds(5));
        ShardRole = c.GetString(Root + ".sharding.role", "");
        LeaseDuration = Positive(c, "sharding.lease-duration", TimeSpan.FromSeconds(4));
        RebalanceBatch = Math.Max(1, c.GetInt(Root + ".sharding.rebalance-batch", 3));
        HandOffTimeout = Positive(c, "sharding.hand-off-timeout", TimeSpan.FromSeconds(10));
        TellAckAfter = Positive(c, "sharding.tell-ack-after", TimeSpan.FromSeconds(2));
        ReplyTimeout = Positive(c, "sharding.reply-timeout", TimeSpan.FromSeconds(30));
        if (LeaseDuration <= HeartbeatInterval * 2)
        {
            throw new ConfigException(Root + ".sharding.lease-duration", $"{Root}.sharding.lease-duration{Origin(c, Root + ".sharding.lease-duration")}: expected more than twice membership.heartbeat-interval ({HeartbeatInterval.TotalSeconds}s), found {LeaseDuration.TotalSeconds}s");
        }
    }

    /// <summary>Prefix of every exchange, queue and lease (several clusters can share one broker and database).</summary>
    public string ClusterName { get; }

    /// <summary>This node's unique name.</summary>
    public string NodeName { get; }

    /// <summary>Where this node says it is (shown by <c>pbm cluster show</c>; by default its pbm admin endpoint).</summary>
    public string Address { get; }

    /// <summary>This node's roles.</summary>
    public IReadOnlySet<string> Roles { get; }

    /// <summary>Npgsql connection string (secret).</summary>
    public string PostgresConnection { get; }

    /// <summary>Schema of the membership and lease tables.</summary>
    public string PostgresSchema { get; }

    /// <summary>AMQP URI (secret).</summary>
    public string RabbitMqUri { get; }

    /// <summary>AMQP heartbeat: a silent broker connection is declared dead after about twice this.</summary>
    public TimeSpan RabbitMqHeartbeat { get; }

    /// <summary>Unacknowledged deliveries per shard consumer.</summary>
    public ushort Prefetch { get; }

    /// <summary>Publishes a node lets wait for the broker's confirm before it holds new ones back (which then travel batched).</summary>
    public int MaxUnconfirmed { get; }

    /// <summary>How often a node heartbeats, renews its leases and rebalances.</summary>
    public TimeSpan HeartbeatInterval { get; }

    /// <summary>A member whose heartbeat is older than this is unreachable.</summary>
    public TimeSpan UnreachableAfter { get; }

    /// <summary>An unreachable member is declared Down after this much longer.</summary>
    public TimeSpan StableAfter { get; }

    /// <summary>Only Up members with this role host shards (empty: every member).</summary>
    public string ShardRole { get; }

    /// <summary>A shard lease lasts this long unless renewed.</summary>
    public TimeSpan LeaseDuration { get; }

    /// <summary>Shards a node gives away per heartbeat when rebalancing.</summary>
    public int RebalanceBatch { get; }

    /// <summary>Longest wait for in-flight messages and entities during a hand-off.</summary>
    public TimeSpan HandOffTimeout { get; }

    /// <summary>A delivery the entity has neither answered nor taken is acknowledged to RabbitMQ this long after it arrived, at the latest.</summary>
    public TimeSpan TellAckAfter { get; }

    /// <summary>How long a node keeps waiting for the reply to a message it routed, and how long an entity may take to answer before its message is acknowledged anyway.</summary>
    public TimeSpan ReplyTimeout { get; }

    /// <summary>Reads and checks the settings.</summary>
    public static ClusterSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ClusterSettings(config);
    }

    /// <summary>True if this node hosts shards.</summary>
    public bool HostsShards => ShardRole.Length == 0 || Roles.Contains(ShardRole);

    /// <inheritdoc />
    public override string ToString() => $"cluster {ClusterName}, node {NodeName} [{string.Join(',', Roles)}], schema {PostgresSchema}";

    /// <summary>
    /// Where pbm reaches this node: its admin endpoint (<c>serenity.cmd.host:port</c>) when one is configured, so the
    /// addresses <c>pbm cluster show</c> lists are the ones <c>cluster leave|down</c> take and other nodes can ask for
    /// their entity counts; a wildcard host is replaced by the machine name. Without it: the machine name.
    /// </summary>
    private static string DefaultAddress(Config c)
    {
        var port = c.GetInt("serenity.cmd.port", 0);
        if (port <= 0 || !c.GetBoolean("serenity.cmd.enabled", true)) return Environment.MachineName;
        var host = c.GetString("serenity.cmd.host", "127.0.0.1");
        if (host is "0.0.0.0" or "::" or "*" or "+" or "") host = Environment.MachineName;
        else if (host.Contains(':', StringComparison.Ordinal)) host = "[" + host + "]";
        return host + ":" + port.ToString(CultureInfo.InvariantCulture);
    }

    private static string Secret(Config c, string key, string variable)
    {
        var value = c.GetString(Root + "." + key, "");
        if (string.IsNullOrWhiteSpace(value)) value = Environment.GetEnvironmentVariable(variable) ?? "";
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigException(Root + "." + key, $"{Root}.{key}{Origin(c, Root + "." + key)}: expected a connection string, found none (set the environment variable {variable})");
        }
        return value;
    }

    private static string Name(Config c, string key, string fallback)
    {
        var value = c.GetString(Root + "." + key, fallback);
        if (value.Length == 0 || !value.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-'))
        {
            throw new ConfigException(Root + "." + key, $"{Root}.{key}{Origin(c, Root + "." + key)}: expected letters, digits, '-' or '_', found '{value}'");
        }
        return value;
    }

    private static TimeSpan Positive(Config c, string key, TimeSpan fallback)
    {
        var value = c.GetTimeSpan(Root + "." + key, fallback);
        return value > TimeSpan.Zero ? value : throw new ConfigException(Root + "." + key, $"{Root}.{key}{Origin(c, Root + "." + key)}: expected a positive duration, found {value}");
    }

    private static int PositiveCount(Config c, string key, int fallback)
    {
        var value = c.GetInt(Root + "." + key, fallback);
        return value > 0 ? value : throw new ConfigException(Root + "." + key, $"{Root}.{key}{Origin(c, Root + "." + key)}: expected a count of at least 1, found {value}");
    }

    private static string Origin(Config config, string path) => config.OriginOf(path) is { } o ? " at " + o : "";
}
