using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Cluster.Provider;
using Serenity.Cluster.RabbitMq;
using Serenity.Cluster.RabbitMq.Transport;
using Serenity.Cluster.Sharding;
using Serenity.Cluster.Singleton;
using Serenity.Cluster.TestNode;
using Serenity.MarketData;
using Serenity.MarketData.Configuration;
using Serenity.MarketData.Graph;
using Serenity.MarketData.Wire;

// A cluster node for the multi-process tests. Arguments: cluster node schema roles shards [market-data].
// With market-data it starts market data as the server does (MarketDataIngest: the ingest singleton) and counts
// the quotes that reach it through pub/sub.
// PostgreSQL and RabbitMQ come from SERENITY_POSTGRES_CONNECTION and SERENITY_RABBITMQ_URI.
// Prints "READY <node>" once it serves; then reads commands from stdin (one per line):
//   send <entity> <command-id>  -> "ACK <command-id> <node> <total>" or "FAIL <command-id> <reason>"
//   owned                       -> "OWNED <count>"
//   market                      -> "MARKET <ingesting here: yes|no> <quotes received>" (with market-data)
//   leave                       -> graceful leave, "LEFT", exit 0
// SIGTERM does the same graceful leave as "leave" (as the server does on SIGTERM).
// End of input (the test process is gone) terminates the node.
if (args.Length is not (5 or 6) || (args.Length == 6 && args[5] != "market-data"))
{
    await Console.Error.WriteLineAsync("usage: Serenity.Cluster.TestNode <cluster> <node> <schema> <roles,comma-separated> <shards> [market-data]");
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
var quotes = new QuoteCounter();
MarketDataIngest? ingest = null;
if (args.Length == 6)
{
    MarketDataSerialization.Register(system);
    await DistributedPubSub.Get(system).SubscribeAsync(PubSubMarketDataPublisher.QuotesTopic("AAPL"), system.ActorOf(Props.Create(() => new QuoteListener(quotes)), "quotes"));
    ingest = MarketDataIngest.Start(system);
}
Console.WriteLine("READY " + node);

var terminated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true; // the leave below decides when the process ends
    terminated.TrySetResult();
});
// Console.In's ReadLineAsync blocks its caller: a background thread reads stdin so SIGTERM is noticed at once.
var lines = Channel.CreateUnbounded<string>();
new Thread(() =>
{
    while (Console.In.ReadLine() is { } read) lines.Writer.TryWrite(read);
    lines.Writer.TryComplete();
}) { IsBackground = true, Name = "stdin" }.Start();
while (true)
{
    var next = lines.Reader.WaitToReadAsync().AsTask();
    if (await Task.WhenAny(next, terminated.Task) == terminated.Task) return await LeaveAsync();
    if (!await next) break;
    var line = await lines.Reader.ReadAsync();
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
        case ["market"] when ingest is not null:
            Console.WriteLine($"MARKET {(ingest.RunsHere ? "yes" : "no")} {quotes.Count.ToString(CultureInfo.InvariantCulture)}");
            break;
        case ["leave"]:
            return await LeaveAsync();
        default:
            Console.WriteLine("UNKNOWN " + line);
            break;
    }
}
await system.Terminate();
return 0;

async Task<int> LeaveAsync()
{
    await ClusterProvider.Get(system).LeaveAsync(TimeSpan.FromSeconds(20));
    await system.Terminate();
    Console.WriteLine("LEFT");
    return 0;
}

/// <summary>Quotes received so far.</summary>
internal sealed class QuoteCounter
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}

/// <summary>Counts the quotes that reach this node.</summary>
internal sealed class QuoteListener : ReceiveActor
{
    public QuoteListener(QuoteCounter counter) => Receive<Quote>(_ => counter.Add());
}

/// <summary>Prints every News it gets (the pub/sub test reads them).</summary>
internal sealed class NewsPrinter : ReceiveActor
{
    public NewsPrinter() => Receive<News>(n => Console.WriteLine("NEWS " + n.Text));
}
