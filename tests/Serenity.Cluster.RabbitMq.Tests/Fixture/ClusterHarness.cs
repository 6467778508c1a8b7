using Npgsql;
using Serenity.Actors;
using Serenity.Cluster.Sharding;
using Serenity.Cluster.Singleton;
using Serenity.Cluster.TestNode;
using Serenity.TestSupport.Cluster;

namespace Serenity.Cluster.RabbitMq.Tests.Fixture;

/// <summary>One journal row of the counter entities, with what its event says.</summary>
internal sealed record JournalEntry(long Ordering, string PersistenceId, long SequenceNr, string CommandId, string Node);

/// <summary>
/// A test cluster: node processes with the <c>trading</c> role (they host the counter shards) and an
/// in-process client node with the <c>web</c> role (it only routes), in a cluster name and schema of
/// its own. Reads leases and the journal straight from PostgreSQL.
/// </summary>
internal sealed class ClusterHarness : IAsyncDisposable
{
    public const int Shards = 12;

    /// <summary>The nodes' shard lease.</summary>
    public static readonly TimeSpan LeaseDuration = NodeConfig.LeaseDuration;
    private readonly ClusterServers _servers;
    private readonly List<NodeProcess> _nodes = [];

    private readonly bool _marketData;

    private ClusterHarness(ClusterServers servers, string cluster, string schema, ActorSystem client, bool marketData)
    {
        _marketData = marketData;
        _servers = servers;
        Cluster = cluster;
        Schema = schema;
        Client = client;
    }

    public string Cluster { get; }

    public string Schema { get; }

    /// <summary>The in-process client node.</summary>
    public ActorSystem Client { get; }

    public IReadOnlyList<NodeProcess> Nodes => _nodes;

    /// <summary>
    /// Starts <paramref name="nodes"/> nodes. With <paramref name="marketData"/> they run market data as the server does;
    /// the last node then lacks the <c>ingest</c> role (it must never run the ingestor).
    /// </summary>
    public static async Task<ClusterHarness> StartAsync(ClusterServers servers, int nodes, bool marketData = false)
    {
        var cluster = servers.NewName("c");
        var schema = servers.NewName("s");
        var client = ActorSystem.Create("client", NodeConfig.Build(cluster, "client", schema, ["web"], Shards, servers.PostgresConnection, servers.RabbitMqUri));
        CounterSerialization.Register(client);
        ClusterSharding.Get(client).Start(CounterEntity.TypeName, id => Props.Create(() => new CounterEntity(id, "client")));
        var harness = new ClusterHarness(servers, cluster, schema, client, marketData);
        if (marketData) harness.NonIngestNode = $"node{nodes}";
        try
        {
            await harness.AddNodesAsync(Enumerable.Range(1, nodes).Select(i => $"node{i}").ToArray()).ConfigureAwait(false);
        }
        catch
        {
            await harness.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return harness;
    }

    /// <summary>Starts nodes (in parallel) and waits until they are ready.</summary>
    public async Task AddNodesAsync(params string[] names)
    {
        var started = await Task.WhenAll(names.Select(n => NodeProcess.StartAsync(_servers.PostgresConnection, _servers.RabbitMqUri, Cluster, n, Schema, RolesOf(n), Shards, _marketData))).ConfigureAwait(false);
        _nodes.AddRange(started);
    }

    /// <summary>The node that never ingests market data (the last of the first nodes), or null without market data.</summary>
    public string? NonIngestNode { get; private set; }

    private string RolesOf(string node) => _marketData && node == NonIngestNode ? "trading" : "trading,ingest";

    /// <summary>The client's proxy of the feed singleton.</summary>
    public IActorRef Feed => ClusterSingleton.Get(Client).Init(FeedSingleton.Name, Props.Create(() => new FeedSingleton("client")), FeedSingleton.Role);

    public EntityRef Entity(string id) => ClusterSharding.Get(Client).EntityRefFor(CounterEntity.TypeName, id);

    /// <summary>The live owner of every shard (shards without one are absent).</summary>
    public Task<IReadOnlyDictionary<string, string>> LeaseOwnersAsync() => LeaseOwnersAsync("shard:counter:");

    /// <summary>The live owner of every lease named <paramref name="prefix"/> + suffix, by suffix.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LeaseOwnersAsync(string prefix)
    {
        await using var connection = new NpgsqlConnection(_servers.PostgresConnection);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT name, owner FROM \"{Schema}\".cluster_lease WHERE cluster = $1 AND starts_with(name, $2) AND owner IS NOT NULL AND expires_at > now()", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Cluster });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false)) owners[reader.GetString(0)[prefix.Length..]] = reader.GetString(1);
        return owners;
    }

    /// <summary>Shards owned per node, when every shard has an owner and the counts are as even as they can be.</summary>
    public async Task<IReadOnlyDictionary<string, int>> WaitForEvenSpreadAsync(IReadOnlyCollection<string> nodes, TimeSpan timeout)
    {
        var owners = await Poll.UntilAsync(LeaseOwnersAsync, o =>
        {
            if (o.Count != Shards) return false;
            var counts = nodes.Select(n => o.Values.Count(v => v == n)).ToList();
            return counts.Sum() == Shards && counts.Max() - counts.Min() <= 1;
        }, timeout, $"an even spread of {Shards} shards over {string.Join(", ", nodes)}", o => string.Join(", ", o.GroupBy(kv => kv.Value).Select(g => $"{g.Key}: {g.Count()}"))).ConfigureAwait(false);
        return nodes.ToDictionary(n => n, n => owners.Values.Count(v => v == n), StringComparer.Ordinal);
    }

    /// <summary>Every counter event in the journal, in write order.</summary>
    public async Task<IReadOnlyList<JournalEntry>> JournalAsync()
    {
        await using var connection = new NpgsqlConnection(_servers.PostgresConnection);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT ordering, persistence_id, sequence_nr, convert_from(payload, 'UTF8')::jsonb ->> 'CommandId', convert_from(payload, 'UTF8')::jsonb ->> 'Node' FROM \"{Schema}\".journal ORDER BY ordering", connection);
        var rows = new List<JournalEntry>();
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            rows.Add(new JournalEntry(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4)));
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync().ConfigureAwait(false);
        await Client.Terminate().WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
    }
}
