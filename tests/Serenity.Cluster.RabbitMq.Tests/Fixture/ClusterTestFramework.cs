using Serenity.Tests.Shared;
using Xunit.Abstractions;

[assembly: TestFramework("Serenity.Cluster.RabbitMq.Tests.Fixture.ClusterTestFramework", "Serenity.Cluster.RabbitMq.Tests")]

namespace Serenity.Cluster.RabbitMq.Tests.Fixture;

/// <summary>Where PostgreSQL or RabbitMQ cannot be started (and CI is not "true"), the <see cref="ClusterCollection"/> is discovered as skipped.</summary>
public sealed class ClusterTestFramework(IMessageSink messageSink)
    : EnvironmentSkippingTestFramework(messageSink, ClusterCollection.Name, () => ClusterTestEnvironment.SkipReason);
