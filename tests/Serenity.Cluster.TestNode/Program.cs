using System.Globalization;
using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Cluster.Provider;
using Serenity.Cluster.RabbitMq;
using Serenity.Cluster.RabbitMq.Transport;
using Serenity.Cluster.Sharding;
using Serenity.Cluster.Singleton;
using Serenity.Cluster.TestNode;

// A cluster node for the multi-process tests. Arguments: cluster node schema roles shards.
// PostgreSQL and RabbitMQ come from SERENITY_POSTGRES_CONNECTION and SERENITY_RABBITMQ_URI.
// Prints "READY <node>" once it serves; then reads commands from stdin (one per line):
//   send <entity> <command-id>  -> "ACK <command-id> <node> <total>" or "FAIL <command-id> <reason>"
//   owned                       -> "OWNED <count>"
//   leave                       -> graceful leave, "LEFT", exit 0
// End of input (the test process is gone) terminates the node.
if (args.Length != 5)
{
    await Console.Error.WriteLineAsync("usage: Serenity.Cluster.TestNode <cluster> <node> <schema> <roles,comma-separated> <shards>");
    return 2;
}
var (cluster, node, schema) = (args[0], args[1], args[2]);
var roles = args[3].Split(',', StringSplitOptions.RemoveEmptyEntries);
var shards = int.Parse(args[4], CultureInfo.InvariantCulture);
using var system = ActorSystem.Create("serenity", NodeConfig.Build(cluster, node, schema, roles, shards));
CounterSerialization.Register(system);
var provider = (RabbitMqClusterProvider)ClusterProvider.Get(system).Provider!;
var sharding = ClusterSharding.Get(system);
sharding.Start(CounterEntity.TypeName, id => Props.Create(() => new CounterEntity(id, node)));
ClusterSingleton.Get(system).Init(FeedSingleton.Name, Props.Create(() => new FeedSingleton(node)), FeedSingleton.Role);
var listener = system.ActorOf(Props.Create(() => new NewsPrinter()), "news");
await DistributedPubSub.Get(system).SubscribeAsync("news", listener);
Console.WriteLine("READY " + node);

string? line;
while ((line = await Console.In.ReadLineAsync()) is not null)
{
    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    switch (parts)
    {
        case ["send", var entity, var commandId]:
            try
            {
                var added = await sharding.EntityRefFor(CounterEntity.TypeName, entity).Ask<Added>(new Add(commandId, 1), TimeSpan.FromSeconds(10));
                Console.WriteLine($"ACK {commandId} {added.Node} {added.Total}");
            }
            catch (Exception e) when (e is AskTimeoutException or RemoteEntityException)
            {
                Console.WriteLine($"FAIL {commandId} {e.GetType().Name}");
            }
            break;
        case ["owned"]:
            var owned = await provider.OwnedShardsAsync(TimeSpan.FromSeconds(5));
            Console.WriteLine("OWNED " + owned.Values.Sum(o => o.Count).ToString(CultureInfo.InvariantCulture));
            break;
        case ["leave"]:
            await provider.LeaveAsync(TimeSpan.FromSeconds(20));
            await system.Terminate();
            Console.WriteLine("LEFT");
            return 0;
        default:
            Console.WriteLine("UNKNOWN " + line);
            break;
    }
}
await system.Terminate();
return 0;

/// <summary>Prints every News it gets (the pub/sub test reads them).</summary>
internal sealed class NewsPrinter : ReceiveActor
{
    public NewsPrinter() => Receive<News>(n => Console.WriteLine("NEWS " + n.Text));
}
