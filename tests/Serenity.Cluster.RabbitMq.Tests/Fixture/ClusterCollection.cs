namespace Serenity.Cluster.RabbitMq.Tests.Fixture;

/// <summary>The tests that share the servers (one class at a time). Skipped with the reason where no server can run, except in CI.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterServers>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "PostgreSQL and RabbitMQ servers";
}
