namespace Serenity.Hocon.Tests;

public class FallbackTests
{
    [Fact]
    public void This_config_wins_and_objects_merge_recursively()
    {
        var user = Hocon.Parse("serenity.actor { provider = cluster, dispatcher { throughput = 50 } }");
        var defaults = Hocon.Parse("serenity.actor { provider = local, timeout = 5s, dispatcher { throughput = 10, type = default } }\nother = 1");

        var config = user.WithFallback(defaults);

        Assert.Equal("cluster", config.GetString("serenity.actor.provider"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("serenity.actor.timeout"));
        Assert.Equal(50, config.GetInt("serenity.actor.dispatcher.throughput"));
        Assert.Equal("default", config.GetString("serenity.actor.dispatcher.type"));
        Assert.Equal(1, config.GetInt("other"));
    }

    [Fact]
    public void Non_object_in_this_config_hides_the_fallback_object()
    {
        var config = Hocon.Parse("a = 1").WithFallback(Hocon.Parse("a { b = 2 }"));

        Assert.Equal(1, config.GetInt("a"));
        Assert.False(config.HasPath("a.b"));
    }

    [Fact]
    public void Fallback_chain_applies_in_order()
    {
        var config = Hocon.Parse("a = 1")
            .WithFallback(Hocon.Parse("a = 2\nb = 2"))
            .WithFallback(Hocon.Parse("a = 3\nb = 3\nc = 3"));

        Assert.Equal([1, 2, 3], new[] { config.GetInt("a"), config.GetInt("b"), config.GetInt("c") });
    }

    [Fact]
    public void WithFallback_does_not_change_either_input()
    {
        var user = Hocon.Parse("a { x = 1 }");
        var defaults = Hocon.Parse("a { y = 2 }");

        _ = user.WithFallback(defaults);

        Assert.False(user.HasPath("a.y"));
        Assert.False(defaults.HasPath("a.x"));
    }

    [Fact]
    public void Empty_is_a_neutral_fallback()
    {
        var config = Hocon.Parse("a = 1");

        Assert.Equal(1, config.WithFallback(ConfigurationFactory.Empty).GetInt("a"));
        Assert.Equal(1, ConfigurationFactory.Empty.WithFallback(config).GetInt("a"));
        Assert.True(ConfigurationFactory.Empty.IsEmpty);
    }

    [Fact]
    public void Values_keep_their_origins_after_merging()
    {
        var user = ConfigurationFactory.ParseString("a = 1", "user.conf");
        var defaults = ConfigurationFactory.ParseString("\nb = 2", "defaults.conf");

        var config = user.WithFallback(defaults);

        Assert.Equal("user.conf:1", config.OriginOf("a"));
        Assert.Equal("defaults.conf:2", config.OriginOf("b"));
    }
}
