namespace Serenity.Hocon.Tests;

public class GetConfigTests
{
    [Fact]
    public void Returns_the_sub_tree()
    {
        var config = Hocon.Parse("serenity.actor { provider = local, deployment { x = 1 } }");

        var actor = config.GetConfig("serenity.actor");

        Assert.Equal("local", actor.GetString("provider"));
        Assert.Equal(1, actor.GetInt("deployment.x"));
        Assert.Equal(["provider", "deployment"], actor.Keys);
    }

    [Fact]
    public void Missing_path_gives_an_empty_config()
    {
        var config = Hocon.Parse("a = 1");

        var missing = config.GetConfig("nope.deeper");

        Assert.True(missing.IsEmpty);
        Assert.Empty(missing.Keys);
        Assert.Equal(3, missing.GetInt("x", 3));
    }

    [Fact]
    public void Sub_config_values_keep_their_origins()
    {
        var config = ConfigurationFactory.ParseString("a {\n  b = 1\n}", "origin.conf");

        Assert.Equal("origin.conf:2", config.GetConfig("a").OriginOf("b"));
    }

    [Fact]
    public void Sub_config_supports_fallback()
    {
        var config = Hocon.Parse("a { x = 1 }\nb { x = 2, y = 2 }");

        var merged = config.GetConfig("a").WithFallback(config.GetConfig("b"));

        Assert.Equal(1, merged.GetInt("x"));
        Assert.Equal(2, merged.GetInt("y"));
    }
}
