using Serenity.Cluster.Provider;
using Serenity.Hocon;

namespace Serenity.Cluster.RabbitMq.Tests;

/// <summary>hocon/cluster.conf parses, switches the provider on, names a loadable provider class and gives valid settings.</summary>
public sealed class ClusterConfFileTests
{
    [Fact]
    public void Cluster_conf_selects_the_cluster_provider_with_valid_settings()
    {
        var file = Path.Combine(RepositoryRoot(), "hocon", "cluster.conf");
        var config = ConfigurationFactory.ParseString("serenity.cluster { postgresql.connection-string = \"Host=x\", rabbitmq.uri = \"amqp://h/\", node-name = n1 }")
            .WithFallback(ConfigurationFactory.ParseFile(file));

        Assert.True(ClusterProvider.IsClusterConfigured(config));
        Assert.Equal(typeof(RabbitMqClusterProvider), Type.GetType(config.GetString(ClusterProvider.ClassPath)));
        var settings = ClusterSettings.FromConfig(config);
        Assert.Equal("trading", settings.ShardRole);
        Assert.Equal(TimeSpan.FromSeconds(4), settings.LeaseDuration); // a crashed node's shards move within about 5 s
        Assert.True(settings.Roles.SetEquals(["ingest", "trading", "web"]));
        Assert.Equal("postgresql", config.GetString("serenity.persistence.journal.plugin"));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serenity.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Serenity.sln not found above " + AppContext.BaseDirectory);
    }
}
