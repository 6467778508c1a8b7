using System.Globalization;
using System.Text.Json;
using Serenity.Cmd.Tests.Support;
using Xunit.Abstractions;

namespace Serenity.Cmd.Tests.Cluster;

/// <summary>
/// Three real server nodes in cluster mode (every role; PostgreSQL and RabbitMQ of their own, started by
/// <see cref="ClusterServers"/>) whose admin endpoints require <see cref="Token"/>, as the nodes of a cluster share one.
/// Membership timings are fast, except that nobody is downed automatically: <c>stable-after</c> is long, so the tests
/// see what <c>pbm cluster down</c> does.
/// </summary>
public sealed class PbmClusterFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    /// <summary>The admin token of every node.</summary>
    public const string Token = "pbm-cluster-token";

    /// <summary>Shards per region on these nodes (fewer than the default, to settle fast).</summary>
    public const int Shards = 12;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly ClusterServers _servers = new(diagnostics);
    private readonly TempDirectory _directory = new();
    private readonly List<ServerNodeProcess> _nodes = [];

    /// <summary>The nodes, in start order.</summary>
    public IReadOnlyList<ServerNodeProcess> Nodes => _nodes;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (ClusterTestEnvironment.SkipReason is not null) return;
        await _servers.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += KillNodes;
        // The first node creates the journal and cluster tables; the other two start together after it.
        _nodes.Add(await StartNodeAsync("pbm-a"));
        _nodes.AddRange(await Task.WhenAll(StartNodeAsync("pbm-b"), StartNodeAsync("pbm-c")));
        foreach (var node in _nodes)
        {
            await Poll.UntilAsync(() => MembersAsync(node.Address), m => m.Count(x => x.Status == "up") == 3, StartTimeout, $"three members up in {node.Name}'s view",
                m => string.Join(", ", m));
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillNodes;
        foreach (var node in _nodes) await node.DisposeAsync();
        await _servers.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>The members as <paramref name="address"/> lists them (pbm cluster show --json).</summary>
    public static async Task<IReadOnlyList<(string Address, string Status, bool Reachable)>> MembersAsync(string address)
    {
        var run = await PbmRun.RunAsync([address, "cluster", "show", "--json"], Token);
        if (run.ExitCode != ExitCodes.Ok) return [];
        using var doc = JsonDocument.Parse(run.Out);
        return [.. doc.RootElement.GetProperty("members").EnumerateArray()
            .Select(m => (m.GetProperty("address").GetString()!, m.GetProperty("status").GetString()!, m.GetProperty("reachable").GetBoolean()))];
    }

    /// <summary>Starts one more node (it joins the cluster); disposed with the others.</summary>
    public async Task<ServerNodeProcess> JoinAsync(string name)
    {
        var node = await StartNodeAsync(name);
        _nodes.Add(node);
        return node;
    }

    private Task<ServerNodeProcess> StartNodeAsync(string name)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SERENITY_POSTGRES_CONNECTION"] = _servers.PostgresConnection,
            ["SERENITY_RABBITMQ_URI"] = _servers.RabbitMqUri,
            ["SERENITY_ADMIN_TOKEN"] = Token,
            ["SERENITY__CMD__PORT"] = FreePort(),
            ["SERENITY__CMD__REQUIRE_TOKEN"] = "on",
            ["SERENITY__CLUSTER__NODE_NAME"] = name,
            ["SERENITY__CLUSTER__ROLES"] = """["ingest", "trading", "web"]""",
            ["SERENITY__CLUSTER__MEMBERSHIP__HEARTBEAT_INTERVAL"] = "500ms",
            ["SERENITY__CLUSTER__MEMBERSHIP__UNREACHABLE_AFTER"] = "2s",
            ["SERENITY__CLUSTER__MEMBERSHIP__STABLE_AFTER"] = "10m",
            ["SERENITY__CLUSTER__SHARDING__LEASE_DURATION"] = "3s",
            ["SERENITY__CLUSTER__SHARDING__HAND_OFF_TIMEOUT"] = "5s",
            ["SERENITY__CLUSTER__SHARDING__REBALANCE_BATCH"] = "12",
            ["SERENITY__CLUSTER__SHARDING__NUMBER_OF_SHARDS"] = Shards.ToString(CultureInfo.InvariantCulture),
            ["SERENITY__MARKET_DATA__SIMULATOR__QUOTES_PER_SECOND"] = "20",
            ["SERENITY__STDOUT_LOGLEVEL"] = "WARNING",
        };
        return ServerNodeProcess.StartAsync(name, Path.Combine(_directory.Path, name), environment, StartTimeout);
    }

    private static string FreePort() => Serenity.TestSupport.PostgreSql.FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture);

    private void KillNodes(object? sender, EventArgs e)
    {
        foreach (var node in _nodes) node.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
    }
}

/// <summary>The pbm tests against the three-node cluster (skipped, with the reason, where PostgreSQL or RabbitMQ cannot run, unless CI=true).</summary>
[CollectionDefinition(Name)]
public sealed class PbmClusterCollection : ICollectionFixture<PbmClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "pbm-cluster";
}
