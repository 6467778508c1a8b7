using Serenity.Cluster.Membership;
using Serenity.Cluster.Provider;
using Serenity.Cluster.RabbitMq.Sharding;
using Serenity.Hocon;

namespace Serenity.Cluster.RabbitMq.Tests;

public sealed class ProviderSwitchTests
{
    [Fact]
    public void Local_is_the_default_and_cluster_is_recognised()
    {
        Assert.False(ClusterProvider.IsClusterConfigured(ConfigurationFactory.Empty));
        Assert.False(ClusterProvider.IsClusterConfigured(ConfigurationFactory.ParseString("serenity.actor.provider = local")));
        Assert.True(ClusterProvider.IsClusterConfigured(ConfigurationFactory.ParseString("serenity.actor.provider = cluster")));
    }

    [Fact]
    public void A_bad_provider_names_the_key_the_place_and_what_was_expected()
    {
        var e = Assert.Throws<ConfigException>(() => ClusterProvider.IsClusterConfigured(ConfigurationFactory.ParseString("serenity.actor.provider = remote", "app.conf")));
        Assert.Contains("serenity.actor.provider", e.Message, StringComparison.Ordinal);
        Assert.Contains("app.conf:1", e.Message, StringComparison.Ordinal);
        Assert.Contains("'local' or 'cluster'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_without_a_provider_class_refuses_to_start()
    {
        using var system = Actors.ActorSystem.Create("t", ConfigurationFactory.ParseString("serenity.actor.provider = cluster\nserenity.cluster.provider-class = \"No.Such.Type, Nowhere\""));
        var e = Assert.Throws<ConfigException>(() => ClusterProvider.Get(system));
        Assert.Contains("serenity.cluster.provider-class", e.Message, StringComparison.Ordinal);
    }
}

public sealed class ClusterSettingsTests
{
    [Fact]
    public void Secrets_never_appear_in_the_description()
    {
        var settings = ClusterSettings.FromConfig(ConfigurationFactory.ParseString("""
            serenity.cluster { node-name = n1, roles = [trading, web]
              postgresql.connection-string = "Host=db;Password=hunter2", rabbitmq.uri = "amqp://u:s3cret@mq:5672/" }
            """));
        Assert.Equal("n1", settings.NodeName);
        Assert.True(settings.Roles.SetEquals(["trading", "web"]));
        Assert.DoesNotContain("hunter2", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_connection_string_names_the_environment_variable()
    {
        var prior = Environment.GetEnvironmentVariable(ClusterSettings.RabbitMqEnvironmentVariable);
        Environment.SetEnvironmentVariable(ClusterSettings.RabbitMqEnvironmentVariable, null);
        try
        {
            var e = Assert.Throws<ConfigException>(() => ClusterSettings.FromConfig(ConfigurationFactory.ParseString("serenity.cluster.postgresql.connection-string = \"Host=x\"")));
            Assert.Contains(ClusterSettings.RabbitMqEnvironmentVariable, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ClusterSettings.RabbitMqEnvironmentVariable, prior);
        }
    }

    [Fact]
    public void A_lease_shorter_than_two_heartbeats_is_refused()
    {
        var e = Assert.Throws<ConfigException>(() => ClusterSettings.FromConfig(ConfigurationFactory.ParseString("""
            serenity.cluster { postgresql.connection-string = "Host=x", rabbitmq.uri = "amqp://h/"
              membership.heartbeat-interval = 2s, sharding.lease-duration = 3s }
            """)));
        Assert.Contains("lease-duration", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_unconfirmed_defaults_to_16_and_refuses_zero_naming_the_key()
    {
        const string Connections = "serenity.cluster { postgresql.connection-string = \"Host=x\", rabbitmq.uri = \"amqp://h/\" }\n";
        Assert.Equal(16, ClusterSettings.FromConfig(ConfigurationFactory.ParseString(Connections)).MaxUnconfirmed);

        var e = Assert.Throws<ConfigException>(() => ClusterSettings.FromConfig(ConfigurationFactory.ParseString(Connections + "serenity.cluster.rabbitmq.max-unconfirmed = 0")));

        Assert.Contains("serenity.cluster.rabbitmq.max-unconfirmed", e.Message, StringComparison.Ordinal);
        Assert.Contains("found 0", e.Message, StringComparison.Ordinal);
    }
}

public sealed class ShardAllocationTests
{
    [Theory]
    [InlineData(12, 3)]
    [InlineData(100, 3)]
    [InlineData(10, 4)]
    [InlineData(2, 3)]
    public void Targets_cover_every_shard_and_differ_by_at_most_one(int shards, int members)
    {
        var ids = Enumerable.Range(0, members).Select(i => "n" + i).ToList();
        var targets = ids.Select(id => ShardAllocation.Target(shards, ids, id)).ToList();
        Assert.Equal(shards, targets.Sum());
        Assert.True(targets.Max() - targets.Min() <= 1, string.Join(",", targets));
        Assert.Equal(0, ShardAllocation.Target(shards, ids, "outsider"));
    }
}

public sealed class MembershipDiffTests
{
    private static Member M(string id, MemberStatus status, long incarnation = 1, bool reachable = true) =>
        new(id, "host", new HashSet<string> { "trading" }, status, incarnation, reachable);

    [Fact]
    public void Joins_status_changes_reachability_and_removals_become_events()
    {
        var before = new[] { M("a", MemberStatus.Up), M("b", MemberStatus.Up), M("c", MemberStatus.Up) };
        var after = new[] { M("a", MemberStatus.Up, reachable: false), M("b", MemberStatus.Leaving), M("d", MemberStatus.Up) };

        var events = MembershipDiff.Between(before, after);

        Assert.Collection(events,
            e => Assert.Equal("a", Assert.IsType<UnreachableMember>(e).Member.NodeId),
            e => Assert.Equal("b", Assert.IsType<MemberLeft>(e).Member.NodeId),
            e => Assert.Equal("d", Assert.IsType<MemberJoined>(e).Member.NodeId),
            e => Assert.Equal("d", Assert.IsType<MemberUp>(e).Member.NodeId),
            e => Assert.Equal("c", Assert.IsType<MemberRemoved>(e).Member.NodeId));
    }

    [Fact]
    public void A_new_incarnation_is_a_removal_then_a_join()
    {
        var events = MembershipDiff.Between([M("a", MemberStatus.Down)], [M("a", MemberStatus.Joining, incarnation: 2)]);
        Assert.Collection(events, e => Assert.IsType<MemberRemoved>(e), e => Assert.IsType<MemberJoined>(e));
    }
}
