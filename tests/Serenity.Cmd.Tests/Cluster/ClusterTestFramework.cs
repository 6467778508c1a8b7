using Xunit.Abstractions;

[assembly: TestFramework("Serenity.Cmd.Tests.Cluster.ClusterTestFramework", "Serenity.Cmd.Tests")]

namespace Serenity.Cmd.Tests.Cluster;

/// <summary>Where PostgreSQL or RabbitMQ cannot be started (and CI is not "true"), the <see cref="PbmClusterCollection"/> is discovered as skipped.</summary>
public sealed class ClusterTestFramework(IMessageSink messageSink)
    : EnvironmentSkippingTestFramework(messageSink, PbmClusterCollection.Name, () => ClusterTestEnvironment.SkipReason);
