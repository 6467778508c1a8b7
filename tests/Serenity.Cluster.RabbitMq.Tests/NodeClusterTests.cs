using System.Diagnostics;
using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Cluster.RabbitMq.Tests.Fixture;
using Serenity.Cluster.Sharding;
using Serenity.Cluster.TestNode;
using Serenity.MarketData;
using Serenity.MarketData.Configuration;
using Serenity.MarketData.Graph;
using Serenity.MarketData.Wire;
using Serenity.TestSupport.Cluster;
using Xunit.Abstractions;

namespace Serenity.Cluster.RabbitMq.Tests;

/// <summary>
/// Three node processes (tests/Serenity.Cluster.TestNode, role trading, 12 counter shards) plus this
/// process as a routing-only client node, against the real servers.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NodeClusterTests(ClusterServers servers, ITestOutputHelper output)
{
    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(30);
    private static readonly string[] s_three = ["node1", "node2", "node3"];

    [Fact]
    public async Task Messages_reach_the_owning_node_from_any_node_shards_spread_evenly_pub_sub_reaches_every_node_and_a_fourth_node_takes_its_share()
    {
        await using var cluster = await ClusterHarness.StartAsync(servers, 3);
        var spread = await cluster.WaitForEvenSpreadAsync(s_three, s_settle);
        Assert.All(spread.Values, n => Assert.Equal(4, n));

        var owners = await cluster.LeaseOwnersAsync();
        for (var i = 0; i < 24; i++)
        {
            var id = "r" + i;
            var added = await cluster.Entity(id).Ask<Added>(new Add("cmd-" + id, 1), TimeSpan.FromSeconds(10));
            Assert.Equal(owners[HashCodeMessageExtractor.ShardIdFor(id, ClusterHarness.Shards)], added.Node);
        }
        // From a hosting node too: node1 routes to whichever node owns the entity.
        foreach (var id in new[] { "r1", "r2", "r3", "r4" })
        {
            await cluster.Nodes[0].SendAsync($"send {id} again-{id}");
            var ack = (await cluster.Nodes[0].ExpectAsync("ACK again-" + id, TimeSpan.FromSeconds(15))).Split(' ');
            Assert.Equal(owners[HashCodeMessageExtractor.ShardIdFor(id, ClusterHarness.Shards)], ack[2]);
            Assert.Equal("2", ack[3]);
        }

        DistributedPubSub.Get(cluster.Client).Publish("news", new News("hello-all"));
        foreach (var node in cluster.Nodes) await node.ExpectAsync("NEWS hello-all", TimeSpan.FromSeconds(10));

        // A fourth node joining takes its share (3 each), and entities answer from their new owners.
        await cluster.AddNodesAsync("node4");
        var respread = await cluster.WaitForEvenSpreadAsync([.. s_three, "node4"], s_settle);
        Assert.All(respread.Values, n => Assert.Equal(3, n));
        owners = await cluster.LeaseOwnersAsync();
        for (var i = 0; i < 24; i++)
        {
            var id = "r" + i;
            var total = await cluster.Entity(id).Ask<Total>(new GetTotal("after-join"), TimeSpan.FromSeconds(10));
            Assert.Equal(owners[HashCodeMessageExtractor.ShardIdFor(id, ClusterHarness.Shards)], total.Node);
            Assert.Equal(i is >= 1 and <= 4 ? 2 : 1, total.Value);
        }
    }

    [Fact]
    public async Task Kill_9_of_a_node_under_load_loses_no_acknowledged_command_and_its_entities_answer_elsewhere_within_10_s()
    {
        await using var cluster = await ClusterHarness.StartAsync(servers, 3);
        await cluster.WaitForEvenSpreadAsync(s_three, s_settle);
        var load = new CommandLoad(cluster, entities: 40);
        load.Start(clients: 30);
        await Poll.UntilAsync(() => Task.FromResult(load.Acked.Count), n => n >= 300, s_settle, "300 acknowledged commands");

        var victim = cluster.Nodes[1];
        var victimEntities = await EntitiesOfAsync(cluster, victim, 40);
        var killedAt = Stopwatch.StartNew();
        victim.Kill9();

        // Every entity the dead node hosted answers again, from another node.
        await WaitUntilAnsweringElsewhereAsync(cluster, victimEntities, victim);
        var failover = killedAt.Elapsed;
        output.WriteLine($"failover: {failover.TotalSeconds:0.00} s for {victimEntities.Count} entities");
        Assert.True(failover < TimeSpan.FromSeconds(10), $"the dead node's entities answered again only after {failover.TotalSeconds:0.0} s");

        var before = load.Acked.Count;
        await Poll.UntilAsync(() => Task.FromResult(load.Acked.Count), n => n >= before + 200, s_settle, "200 more acknowledged commands after the kill");
        await load.StopAsync(TimeSpan.FromSeconds(40));
        await AssertJournalHoldsEachAcknowledgedCommandOnceAsync(cluster, load);
        output.WriteLine($"{load.Acked.Count} acknowledged commands, {load.Retries} retries");
    }

    [Fact]
    public async Task SIGTERM_hands_a_nodes_shards_off_under_load_faster_than_lease_expiry_without_losing_or_doubling_a_command()
    {
        await using var cluster = await ClusterHarness.StartAsync(servers, 3);
        await cluster.WaitForEvenSpreadAsync(s_three, s_settle);
        var load = new CommandLoad(cluster, entities: 30);
        load.Start(clients: 20);
        await Poll.UntilAsync(() => Task.FromResult(load.Acked.Count), n => n >= 200, s_settle, "200 acknowledged commands");

        var leaver = cluster.Nodes[2];
        var itsEntities = await EntitiesOfAsync(cluster, leaver, 30);
        var signalledAt = Stopwatch.StartNew();
        leaver.Terminate();

        // Handed off, not dropped: the others answer for its entities before its leases could have expired.
        await WaitUntilAnsweringElsewhereAsync(cluster, itsEntities, leaver);
        var takeover = signalledAt.Elapsed;
        output.WriteLine($"hand-off on SIGTERM: {takeover.TotalSeconds:0.00} s for {itsEntities.Count} entities");
        Assert.True(takeover < ClusterHarness.LeaseDuration, $"the leaving node's entities answered elsewhere only after {takeover.TotalSeconds:0.0} s (lease {ClusterHarness.LeaseDuration.TotalSeconds:0} s)");
        await leaver.ExpectAsync("LEFT", TimeSpan.FromSeconds(30));
        await leaver.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, leaver.ExitCode);
        var spread = await cluster.WaitForEvenSpreadAsync(["node1", "node2"], s_settle);
        Assert.All(spread.Values, n => Assert.Equal(6, n));

        var before = load.Acked.Count;
        await Poll.UntilAsync(() => Task.FromResult(load.Acked.Count), n => n >= before + 200, s_settle, "200 more acknowledged commands after the leave");
        await load.StopAsync(TimeSpan.FromSeconds(40));
        await AssertJournalHoldsEachAcknowledgedCommandOnceAsync(cluster, load);
        Assert.DoesNotContain(leaver.Lines, l => l.Contains("lost shard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_node_paused_past_its_lease_stops_its_stale_entities_and_never_writes_after_the_new_owner()
    {
        await using var cluster = await ClusterHarness.StartAsync(servers, 3);
        await cluster.WaitForEvenSpreadAsync(s_three, s_settle);
        var paused = cluster.Nodes[0];
        var owners = await cluster.LeaseOwnersAsync();
        var itsEntities = Enumerable.Range(0, 60).Select(i => "p" + i).Where(e => owners[HashCodeMessageExtractor.ShardIdFor(e, ClusterHarness.Shards)] == paused.Name).Take(6).ToList();
        foreach (var e in itsEntities) Assert.Equal(paused.Name, (await cluster.Entity(e).Ask<Added>(new Add("before-" + e, 1), TimeSpan.FromSeconds(10))).Node);

        paused.Signal(stop: true);
        try
        {
            // Its shards move once its leases expire; its entities then answer from the new owners.
            await Poll.UntilAsync(cluster.LeaseOwnersAsync, o => o.Count == ClusterHarness.Shards && !o.Values.Contains(paused.Name), s_settle, "the paused node's shards taken over");
            foreach (var e in itsEntities)
            {
                var added = await cluster.Entity(e).Ask<Added>(new Add("during-" + e, 1), TimeSpan.FromSeconds(10));
                Assert.NotEqual(paused.Name, added.Node);
                Assert.Equal(2, added.Total);
            }
        }
        finally
        {
            paused.Signal(stop: false);
        }
        // Back, it finds its leases gone and stops the stale entities.
        await Poll.UntilAsync(() => Task.FromResult(paused.Lines.Count(l => l.Contains("lost shard", StringComparison.Ordinal))), n => n > 0, s_settle, "the resumed node dropping its lost shards");
        foreach (var e in itsEntities) Assert.Equal(3, (await cluster.Entity(e).Ask<Added>(new Add("after-" + e, 1), TimeSpan.FromSeconds(10))).Total);

        var journal = await cluster.JournalAsync();
        foreach (var e in itsEntities)
        {
            var rows = journal.Where(r => r.PersistenceId == "counter-" + e).ToList();
            var firstByNewOwner = rows.First(r => r.Node != paused.Name).Ordering;
            // Only stale writes are forbidden: once it dropped its lost shards, rebalancing may hand it shards back
            // (a new epoch) and it may then handle the "after" commands legitimately.
            Assert.DoesNotContain(rows, r => r.Node == paused.Name && r.Ordering > firstByNewOwner && !r.CommandId.StartsWith("after-", StringComparison.Ordinal));
            Assert.Equal(new long[] { 1, 2, 3 }, rows.Select(r => r.SequenceNr));
        }
    }

    [Fact]
    public async Task The_singleton_runs_on_one_node_and_fails_over_when_that_node_is_killed()
    {
        await using var cluster = await ClusterHarness.StartAsync(servers, 3);
        var first = (await Poll.UntilAsync(() => WhereIsTheFeedAsync(cluster), at => at.Length > 0, s_settle, "the feed singleton answering")).Trim();
        // Every ask from now on is answered by the same node: there is one instance.
        for (var i = 0; i < 5; i++) Assert.Equal(first, await WhereIsTheFeedAsync(cluster));
        var owner = cluster.Nodes.Single(n => n.Name == first);

        var killedAt = Stopwatch.StartNew();
        owner.Kill9();
        var next = await Poll.UntilAsync(() => WhereIsTheFeedAsync(cluster), at => at.Length > 0 && at != first, TimeSpan.FromSeconds(15), "the feed singleton answering from another node");
        output.WriteLine($"singleton failover: {killedAt.Elapsed.TotalSeconds:0.00} s ({first} -> {next})");
        Assert.True(killedAt.Elapsed < TimeSpan.FromSeconds(10), $"the singleton moved only after {killedAt.Elapsed.TotalSeconds:0.0} s");
        for (var i = 0; i < 5; i++) Assert.Equal(next, await WhereIsTheFeedAsync(cluster));
    }

    [Fact]
    public async Task The_market_data_ingestor_runs_once_on_an_ingest_node_feeds_every_node_and_fails_over_when_that_node_is_killed()
    {
        await using var cluster = await ClusterHarness.StartAsync(servers, 3, marketData: true);
        var quotes = new ProbeQueue<Quote>();
        MarketDataSerialization.Register(cluster.Client);
        await DistributedPubSub.Get(cluster.Client).SubscribeAsync(PubSubMarketDataPublisher.QuotesTopic("AAPL"), cluster.Client.ActorOf(Props.Create(() => new Collector<Quote>(quotes))));

        var first = await WaitForOneIngestorAsync(cluster, exclude: null);
        Assert.NotEqual(cluster.NonIngestNode, first.Name);
        await quotes.WaitForAsync(_ => true, s_settle, "a quote at the client node");
        // Every node gets the quotes through pub/sub, the node without the ingest role included.
        foreach (var node in cluster.Nodes) await Poll.UntilAsync(() => MarketAsync(node), m => m.Quotes > 0, s_settle, $"quotes at {node.Name}");

        var killedAt = Stopwatch.StartNew();
        first.Kill9();
        var next = await WaitForOneIngestorAsync(cluster, exclude: first);
        var seenAtTakeover = quotes.Seen.Count;
        await quotes.WaitForAsync(_ => quotes.Seen.Count > seenAtTakeover, TimeSpan.FromSeconds(10), "a quote from the new ingestor");
        output.WriteLine($"ingestor failover: {killedAt.Elapsed.TotalSeconds:0.00} s ({first.Name} -> {next.Name})");
        Assert.True(killedAt.Elapsed < TimeSpan.FromSeconds(10), $"market data resumed only after {killedAt.Elapsed.TotalSeconds:0.0} s");
        Assert.NotEqual(cluster.NonIngestNode, next.Name);
        var nonIngest = cluster.Nodes.Single(n => n.Name == cluster.NonIngestNode);
        var before = (await MarketAsync(nonIngest)).Quotes;
        await Poll.UntilAsync(() => MarketAsync(nonIngest), m => m.Quotes > before && !m.Ingesting, s_settle, $"new quotes at {nonIngest.Name}");
    }

    /// <summary>Waits until exactly one live node (other than <paramref name="exclude"/>) runs the ingestor and holds its lease.</summary>
    private static async Task<NodeProcess> WaitForOneIngestorAsync(ClusterHarness cluster, NodeProcess? exclude)
    {
        var live = cluster.Nodes.Where(n => n != exclude).ToList();
        var running = await Poll.UntilAsync(async () =>
        {
            var states = await Task.WhenAll(live.Select(MarketAsync));
            return live.Where((_, i) => states[i].Ingesting).ToList();
        }, r => r.Count == 1, s_settle, "exactly one node running the ingestor", r => string.Join(", ", r.Select(n => n.Name)));
        var owners = await cluster.LeaseOwnersAsync("shard:singleton-" + MarketDataIngest.SingletonName + ":");
        Assert.Equal(running[0].Name, owners["0"]);
        return running[0];
    }

    private static async Task<(bool Ingesting, long Quotes)> MarketAsync(NodeProcess node)
    {
        await node.SendAsync("market");
        var parts = (await node.ExpectAsync("MARKET", TimeSpan.FromSeconds(10))).Split(' ');
        return (parts[1] == "yes", long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The entities among e0..e{count-1} whose shard <paramref name="node"/> owns now.</summary>
    private static async Task<IReadOnlyList<string>> EntitiesOfAsync(ClusterHarness cluster, NodeProcess node, int count)
    {
        var owners = await cluster.LeaseOwnersAsync();
        var entities = Enumerable.Range(0, count).Select(i => "e" + i).Where(e => owners[HashCodeMessageExtractor.ShardIdFor(e, ClusterHarness.Shards)] == node.Name).ToList();
        Assert.NotEmpty(entities);
        return entities;
    }

    /// <summary>Waits (at most 15 s) until every one of <paramref name="entities"/> answers from a node other than <paramref name="gone"/>.</summary>
    private static async Task WaitUntilAnsweringElsewhereAsync(ClusterHarness cluster, IEnumerable<string> entities, NodeProcess gone)
    {
        foreach (var entity in entities)
        {
            await Poll.UntilAsync(async () =>
            {
                try
                {
                    return (await cluster.Entity(entity).Ask<Total>(new GetTotal(Guid.NewGuid().ToString()), TimeSpan.FromSeconds(1))).Node;
                }
                catch (Serenity.Actors.AskTimeoutException)
                {
                    return "";
                }
            }, node => node.Length > 0 && node != gone.Name, TimeSpan.FromSeconds(15), $"{entity} answering from a live node");
        }
    }

    private static async Task<string> WhereIsTheFeedAsync(ClusterHarness cluster)
    {
        try
        {
            return (await cluster.Feed.Ask<SingletonAt>(new WhereAreYou(Guid.NewGuid().ToString()), TimeSpan.FromSeconds(1))).Node;
        }
        catch (Serenity.Actors.AskTimeoutException)
        {
            return "";
        }
    }

    private static async Task AssertJournalHoldsEachAcknowledgedCommandOnceAsync(ClusterHarness cluster, CommandLoad load)
    {
        var journal = await cluster.JournalAsync();
        var counts = journal.GroupBy(r => r.CommandId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = load.Acked.Keys.Where(id => !counts.ContainsKey(id)).ToList();
        var doubled = counts.Where(kv => kv.Value > 1).Select(kv => kv.Key).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged commands are not in the journal, e.g. {string.Join(", ", missing.Take(5))}");
        Assert.True(doubled.Count == 0, $"{doubled.Count} commands are in the journal more than once, e.g. {string.Join(", ", doubled.Take(5))}");
    }
}
