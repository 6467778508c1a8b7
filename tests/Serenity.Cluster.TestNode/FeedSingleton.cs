using Serenity.Actors;

namespace Serenity.Cluster.TestNode;

/// <summary>A stand-in for the market-data ingestor: one per cluster, on an ingest node; says where it runs.</summary>
public sealed class FeedSingleton : ReceiveActor
{
    /// <summary>The singleton's name.</summary>
    public const string Name = "feed";

    /// <summary>The role of the nodes that may run it.</summary>
    public const string Role = "ingest";

    /// <summary>Creates the feed on <paramref name="node"/>.</summary>
    public FeedSingleton(string node) => Receive<WhereAreYou>(_ => Sender.Tell(new SingletonAt(node)));
}
