using System.Diagnostics;
using Serenity.Actors;
using Serenity.Cluster.Provider;
using Serenity.Cluster.RabbitMq;
using Serenity.Cluster.Sharding;
using Serenity.Cluster.TestNode;
using Serenity.Hocon;
using Serenity.TestSupport.Cluster;
using Serenity.TestSupport.PostgreSql;
using Serenity.TestSupport.RabbitMq;

namespace Serenity.Benchmarks;

/// <summary>
/// Cluster benchmarks. <c>sharded_msgs_3nodes</c>: three cluster nodes (actor systems in this process,
/// connected only through a throw-away PostgreSQL and RabbitMQ on loopback) host 30 counter shards;
/// a fourth, routing-only node asks 60,000 <c>GetTotal</c>s of 3,000 entities, 2,000 in flight; every
/// message crosses RabbitMQ both ways (shard queue, direct reply-to). <c>failover</c>: three node processes
/// (tests/Serenity.Cluster.TestNode: lease 3 s, heartbeat 0.5 s) host 12 counter shards; one is killed (SIGKILL)
/// and the figure is the seconds until every entity it hosted answers again from another node.
/// <c>local_provider_overhead</c>:
/// 200,000 sequential Asks through <c>EntityRef</c> (local provider) against the same Asks to the
/// entity's own ref (ten pairs of 20,000-Ask blocks, each side first in half of them), in percent of wall time; CPU time goes to stderr.
/// </summary>
internal static class ClusterBenchmarks
{
    private const int Shards = 30;
    private const int Entities = 3_000;
    private const int Messages = 60_000;
    private const int InFlight = 2_000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<Benchmark> All() =>
    [
        new("sharded_msgs_3nodes", "msgs/s", ShardedMessages),
        new("failover", "s", Failover, 2),
        new("local_provider_overhead", "percent", LocalProviderOverhead, 1),
    ];

    private static double ShardedMessages()
    {
        return Task.Run(async () =>
        {
            await using var postgres = await TemporaryPostgreSqlServer.StartAsync(durable: false);
            await using var rabbit = await TemporaryRabbitMqServer.StartAsync();
            var pg = await postgres.CreateDatabaseAsync("bench");
            var nodes = new List<ActorSystem>();
            try
            {
                foreach (var (name, role) in new[] { ("node1", "trading"), ("node2", "trading"), ("node3", "trading"), ("client", "web") })
                {
                    var system = ActorSystem.Create(name, NodeConfig.Build("bench", name, "bench", [role], Shards, pg, rabbit.Uri));
                    CounterSerialization.Register(system);
                    ClusterSharding.Get(system).Start(CounterEntity.TypeName, id => Props.Create(() => new CounterEntity(id, name)));
                    nodes.Add(system);
                }
                await WaitForSpreadAsync(nodes.Take(3).ToList());
                var client = ClusterSharding.Get(nodes[3]);
                await AskAllAsync(client, Entities); // creates (and recovers) every entity, warms everything up
                var cpu = ProcessTreeCpu.Now();
                var clock = Stopwatch.StartNew();
                await AskAllAsync(client, Messages);
                var elapsed = clock.Elapsed;
                // Where the time went (stderr: the harness reads only stdout): the nodes (this process), the broker, PostgreSQL.
                Console.Error.WriteLine($"sharded_msgs_3nodes: {elapsed.TotalSeconds:0.00} s wall; CPU: {ProcessTreeCpu.Now().Since(cpu)}");
                return Messages / elapsed.TotalSeconds;
            }
            finally
            {
                foreach (var n in nodes) await n.Terminate().WaitAsync(Bound);
            }
        }).GetAwaiter().GetResult();
    }

    private static double Failover()
    {
        return Task.Run(async () =>
        {
            await using var postgres = await TemporaryPostgreSqlServer.StartAsync(durable: false);
            await using var rabbit = await TemporaryRabbitMqServer.StartAsync();
            var pg = await postgres.CreateDatabaseAsync("bench");
            const int shards = 12;
            using var client = ActorSystem.Create("client", NodeConfig.Build("failover", "client", "bench", ["web"], shards, pg, rabbit.Uri));
            CounterSerialization.Register(client);
            var sharding = ClusterSharding.Get(client);
            sharding.Start(CounterEntity.TypeName, id => Props.Create(() => new CounterEntity(id, "client")));
            var nodes = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => NodeProcess.StartAsync(pg, rabbit.Uri, "failover", $"node{i}", "bench", "trading", shards, marketData: false, host: typeof(ClusterBenchmarks).Assembly.Location)));
            try
            {
                await WaitForSpreadAsync(nodes, shards);
                var entities = Enumerable.Range(0, 60).Select(i => "f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
                // Every entity answers (so every shard has an owner that recovered it), then kill the owner of f0.
                var owners = await Task.WhenAll(entities.Select(e => AnswererAsync(sharding, e, TimeSpan.FromSeconds(60))));
                var victim = nodes.Single(n => n.Name == owners[0]);
                var itsEntities = entities.Where((_, i) => owners[i] == victim.Name).ToList();
                var clock = Stopwatch.StartNew();
                victim.Kill9();
                await Task.WhenAll(itsEntities.Select(async e =>
                {
                    while (await AnswererAsync(sharding, e, TimeSpan.FromSeconds(1)) is var node && (node.Length == 0 || node == victim.Name))
                    {
                        if (clock.Elapsed > Bound) throw new TimeoutException($"{e} did not answer from a live node within {Bound}");
                    }
                }));
                return clock.Elapsed.TotalSeconds;
            }
            finally
            {
                foreach (var n in nodes) await n.DisposeAsync();
                await client.Terminate().WaitAsync(Bound);
            }
        }).GetAwaiter().GetResult();
    }

    private static async Task WaitForSpreadAsync(IReadOnlyList<NodeProcess> nodes, int shards)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var counts = new List<int>();
            foreach (var n in nodes)
            {
                await n.SendAsync("owned");
                counts.Add(int.Parse((await n.ExpectAsync("OWNED", Bound)).Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
            }
            if (counts.Sum() == shards && counts.Max() - counts.Min() <= 1) return;
            if (deadline.Elapsed > Bound) throw new TimeoutException($"shards did not spread: {string.Join('/', counts)}");
            await Task.Delay(100);
        }
    }

    /// <summary>The node whose entity answered, or "" when none did within <paramref name="timeout"/>.</summary>
    private static async Task<string> AnswererAsync(ClusterSharding sharding, string entity, TimeSpan timeout)
    {
        try
        {
            return (await sharding.EntityRefFor(CounterEntity.TypeName, entity).Ask<Total>(new GetTotal(Guid.NewGuid().ToString()), timeout)).Node;
        }
        catch (AskTimeoutException)
        {
            return "";
        }
    }

    private static async Task WaitForSpreadAsync(IReadOnlyList<ActorSystem> hosts)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var counts = new List<int>();
            foreach (var h in hosts)
            {
                var owned = await ((RabbitMqClusterProvider)ClusterProvider.Get(h).Provider!).OwnedShardsAsync(Bound);
                counts.Add(owned.Values.Sum(o => o.Count));
            }
            if (counts.Sum() == Shards && counts.Max() - counts.Min() <= 1) return;
            if (deadline.Elapsed > Bound) throw new TimeoutException($"shards did not spread: {string.Join('/', counts)}");
            await Task.Delay(100);
        }
    }

    private static async Task AskAllAsync(ClusterSharding sharding, int count)
    {
        using var window = new SemaphoreSlim(InFlight);
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            await window.WaitAsync();
            var entity = sharding.EntityRefFor(CounterEntity.TypeName, "e" + (i % Entities).ToString(System.Globalization.CultureInfo.InvariantCulture));
            tasks.Add(entity.Ask<Total>(new GetTotal(""), Bound).ContinueWith(_ => window.Release(), TaskScheduler.Default));
        }
        await Task.WhenAll(tasks);
    }

    private static double LocalProviderOverhead()
    {
        using var system = ActorSystem.Create("local", ConfigurationFactory.ParseString("serenity.stdout-loglevel = WARNING"));
        var sharding = ClusterSharding.Get(system);
        sharding.Start("echo", _ => Props.Create(() => new Echo()));
        var entity = sharding.EntityRefFor("echo", "one");
        var direct = system.ActorOf(Props.Create(() => new Echo()));
        return Task.Run(async () =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                await entity.Ask<int>(i, Bound);
                await direct.Ask<int>(i, Bound);
            }
            // Alternating blocks, each side first every other time, so a change in the machine's load hits both alike.
            var directTime = TimeSpan.Zero;
            var entityTime = TimeSpan.Zero;
            var directCpu = TimeSpan.Zero;
            var entityCpu = TimeSpan.Zero;
            for (var block = 0; block < OverheadBlocks; block++)
            {
                for (var side = 0; side < 2; side++)
                {
                    var viaEntity = (block + side) % 2 == 1;
                    var (wall, cpu) = viaEntity ? await TimeAsksAsync(i => entity.Ask<int>(i, Bound)) : await TimeAsksAsync(i => direct.Ask<int>(i, Bound));
                    if (viaEntity)
                    {
                        entityTime += wall;
                        entityCpu += cpu;
                    }
                    else
                    {
                        directTime += wall;
                        directCpu += cpu;
                    }
                }
            }
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"cpu local_provider_overhead: direct {directCpu.TotalMicroseconds / OverheadAsks:F3} µs/ask, entity {entityCpu.TotalMicroseconds / OverheadAsks:F3} µs/ask ({(entityCpu - directCpu) / directCpu * 100:F1} %); wall direct {directTime.TotalMicroseconds / OverheadAsks:F3}, entity {entityTime.TotalMicroseconds / OverheadAsks:F3} µs/ask"));
            return (entityTime - directTime) / directTime * 100;
        }).GetAwaiter().GetResult();
    }

    private const int OverheadBlocks = 10;
    private const int OverheadAsks = OverheadBlocks * AsksPerBlock;
    private const int AsksPerBlock = 20_000;

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> TimeAsksAsync(Func<int, Task<int>> ask)
    {
        var cpu = CpuClock.Start();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < AsksPerBlock; i++) await ask(i);
        return (clock.Elapsed, cpu.Elapsed);
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<int>(i => Sender.Tell(i));
    }
}
