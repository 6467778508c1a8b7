using Serenity.Actors;
using Serenity.Cluster.Membership;
using Serenity.Cluster.PubSub;
using Serenity.Cluster.Provider;
using Serenity.Cluster.Sharding;
using Serenity.Cluster.Singleton;
using Serenity.Cluster.RabbitMq.Tests.Fixture;
using Serenity.Cluster.TestNode;

namespace Serenity.Cluster.RabbitMq.Tests;

/// <summary>Two nodes in this process (separate actor systems) against the real servers: membership and pub/sub.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InProcessClusterTests(ClusterServers servers)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Members_see_each_other_up_and_a_silent_member_becomes_unreachable_then_down()
    {
        var (cluster, schema) = (servers.NewName("c"), servers.NewName("s"));
        using var a = Node(cluster, schema, "a");
        var events = new ProbeQueue<ClusterEvent>();
        a.EventStream.Subscribe(a.ActorOf(Props.Create(() => new Collector<ClusterEvent>(events))), typeof(ClusterEvent));
        var b = Node(cluster, schema, "b");

        await events.WaitForAsync(e => e is MemberUp { Member.NodeId: "b" }, s_wait, "MemberUp(b) on a");
        var providerA = (RabbitMqClusterProvider)ClusterProvider.Get(a).Provider!;
        Assert.Contains(providerA.Members, m => m.NodeId == "b" && m.Status == MemberStatus.Up && m.Roles.Contains("trading"));

        // b stops heartbeating without leaving (its row stays Up with an old heartbeat).
        await b.Terminate().WaitAsync(s_wait);
        await events.WaitForAsync(e => e is UnreachableMember { Member.NodeId: "b" }, s_wait, "UnreachableMember(b) on a");
        await events.WaitForAsync(e => e is MemberDowned { Member.NodeId: "b" }, s_wait, "MemberDowned(b) on a");
    }

    [Fact]
    public async Task Pub_sub_reaches_subscribers_on_every_node_and_stops_after_unsubscribe()
    {
        var (cluster, schema) = (servers.NewName("c"), servers.NewName("s"));
        using var a = Node(cluster, schema, "a");
        using var b = Node(cluster, schema, "b");
        var gotA = new ProbeQueue<News>();
        var gotB = new ProbeQueue<News>();
        var subA = a.ActorOf(Props.Create(() => new Collector<News>(gotA)));
        var subB = b.ActorOf(Props.Create(() => new Collector<News>(gotB)));
        await DistributedPubSub.Get(a).Mediator.Ask<SubscribeAck>(new Subscribe("quotes.AAPL", subA), s_wait);
        await DistributedPubSub.Get(b).SubscribeAsync("quotes.AAPL", subB).WaitAsync(s_wait);

        DistributedPubSub.Get(a).Publish("quotes.AAPL", new News("one"));
        DistributedPubSub.Get(b).Publish("quotes.MSFT", new News("not subscribed"));
        DistributedPubSub.Get(b).Publish("quotes.AAPL", new News("two"));

        // Order is kept per publisher; "one" (from a) and "two" (from b) may arrive either way round.
        foreach (var (got, node) in new[] { (gotA, "a"), (gotB, "b") })
        {
            await got.WaitForAsync(n => n.Text == "one", s_wait, $"'one' on {node}");
            await got.WaitForAsync(n => n.Text == "two", s_wait, $"'two' on {node}");
        }
        Assert.Equal(["one", "two"], gotA.Seen.Select(n => n.Text).Order());
        Assert.Equal(["one", "two"], gotB.Seen.Select(n => n.Text).Order());

        await DistributedPubSub.Get(b).Mediator.Ask<UnsubscribeAck>(new Unsubscribe("quotes.AAPL", subB), s_wait);
        DistributedPubSub.Get(a).Publish("quotes.AAPL", new News("three"));
        DistributedPubSub.Get(a).Publish("quotes.AAPL", new News("four"));
        await gotA.WaitForAsync(n => n.Text == "four", s_wait, "'four' on a");
        Assert.Equal(["three", "four"], gotA.Seen.Select(n => n.Text).Where(t => t is "three" or "four")); // one publisher: in order
        // a's copy of "four" arrived, and b's queue is fed by the same exchange in the same order: b would have had "three" by now.
        Assert.Equal(["one", "two"], gotB.Seen.Select(n => n.Text).Order());
    }

    [Fact]
    public async Task A_singleton_proxy_keeps_a_bounded_number_of_messages_while_no_node_runs_it()
    {
        var (cluster, schema) = (servers.NewName("c"), servers.NewName("s"));
        using var a = Node(cluster, schema, "a");
        // No node has the role "ingest" here: the singleton runs nowhere, messages wait in its queue.
        var proxy = ClusterSingleton.Get(a).Init("parked", Props.Create(() => new FeedSingleton("a")), "ingest", bufferSize: 3);
        for (var i = 0; i < 3; i++) proxy.Tell(new WhereAreYou("w" + i), ActorRefs.NoSender);

        // The fourth is refused by the broker at once (a failure, not a timeout).
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => proxy.Ask<SingletonAt>(new WhereAreYou("over"), TimeSpan.FromSeconds(5)));
        Assert.IsNotType<AskTimeoutException>(refused);
    }

    [Fact]
    public async Task A_tell_nobody_waits_on_is_acknowledged_once_the_entity_took_it_not_after_the_fallback_timer()
    {
        var (cluster, schema) = (servers.NewName("c"), servers.NewName("s"));
        using var host = Node(cluster, schema, "host");
        using var client = Node(cluster, schema, "client", "web");
        foreach (var system in new[] { host, client }) ClusterSharding.Get(system).Start(CounterEntity.TypeName, id => Props.Create(() => new CounterEntity(id, system.Name)));
        var provider = (RabbitMqClusterProvider)ClusterProvider.Get(host).Provider!;
        await Poll.UntilAsync(() => provider.OwnedShardsAsync(s_wait), o => o.Values.Sum(s => s.Count) == 4, s_wait, "the host owning every shard");

        // 300 Tells the entity never answers (it does not handle News), to one entity: three times the
        // shard's prefetch. Were they acknowledged only by the 5 s fallback timer, the Ask behind them would wait for it.
        var counter = ClusterSharding.Get(client).EntityRefFor(CounterEntity.TypeName, "one");
        counter.Tell(new Add("first", 7), ActorRefs.NoSender);
        for (var i = 0; i < 300; i++) counter.Tell(new News("t" + i), ActorRefs.NoSender);
        var total = await counter.Ask<Total>(new GetTotal("n"), TimeSpan.FromSeconds(4));

        Assert.Equal(7, total.Value);
        Assert.Equal("host", total.Node);
    }

    private ActorSystem Node(string cluster, string schema, string name, string role = "trading")
    {
        var system = ActorSystem.Create(name, NodeConfig.Build(cluster, name, schema, [role], 4, servers.PostgresConnection, servers.RabbitMqUri));
        CounterSerialization.Register(system);
        _ = ClusterProvider.Get(system);
        return system;
    }
}
