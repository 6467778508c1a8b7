using System.Collections;
using Serenity.Hocon;
using Serenity.Server.Hosting;

namespace Serenity.Server.Tests.Unit;

public sealed class ConfigurationTests
{
    [Fact]
    public void Defaults_apply_when_the_section_is_missing()
    {
        var settings = ServerSettings.From(ConfigurationFactory.Empty);
        Assert.Equal("http://127.0.0.1:5080", settings.Urls);
        Assert.Equal(TimeSpan.FromHours(12), settings.TokenLifetime);
        Assert.Equal(TimeSpan.FromMilliseconds(100), settings.PushInterval);
    }

    [Fact]
    public void Keys_are_read_and_a_bad_value_names_its_key_and_place()
    {
        var config = ConfigurationFactory.ParseString("""
            serenity.server {
              urls = "http://127.0.0.1:6000"
              rate-limit { permits-per-second = 7, burst = 9 }
              websocket.push-interval = 250ms
            }
            """);
        var settings = ServerSettings.From(config);
        Assert.Equal("http://127.0.0.1:6000", settings.Urls);
        Assert.Equal(7, settings.RateLimitPerSecond);
        Assert.Equal(9, settings.RateLimitBurst);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.PushInterval);

        var bad = Assert.Throws<ConfigException>(() => ServerSettings.From(ConfigurationFactory.ParseString("serenity.server.token-lifetime = 0s", "my.conf")));
        Assert.Contains("serenity.server.token-lifetime", bad.Message, StringComparison.Ordinal);
        Assert.Contains("my.conf", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_variables_with_double_underscores_become_keys()
    {
        var variables = new Hashtable
        {
            ["SERENITY__SERVER__URLS"] = "http://0.0.0.0:1234",
            ["SERENITY__MARKET_DATA__SYMBOLS"] = "[\"AAPL\"]",
            ["SERENITY_TOKEN_SECRET"] = "not a key",
            ["PATH"] = "/bin",
        };
        var config = ConfigurationFactory.ParseString(ServerConfiguration.FromEnvironment(variables));
        Assert.Equal("http://0.0.0.0:1234", config.GetString("serenity.server.urls"));
        Assert.Equal(["AAPL"], config.GetStringList("serenity.market-data.symbols"));
        Assert.False(config.HasPath("serenity.token-secret"));
    }

    [Fact]
    public void Options_layer_over_the_config_file_and_set_the_data_folder()
    {
        using var data = new Support.TempDirectory();
        var file = Path.Combine(data.Path, "node.conf");
        File.WriteAllText(file, "serenity.server.urls = \"http://127.0.0.1:1\"\nserenity.server.ask-timeout = 3s\n");
        var config = ServerConfiguration.Load(new SerenityHostOptions
        {
            ConfigFile = file,
            Hocon = "serenity.server.ask-timeout = 4s",
            Urls = "http://127.0.0.1:2",
            DataDirectory = data.Path,
            UseEnvironment = false,
        });
        Assert.Equal("http://127.0.0.1:2", config.GetString("serenity.server.urls"));
        Assert.Equal(TimeSpan.FromSeconds(4), config.GetTimeSpan("serenity.server.ask-timeout"));
        Assert.Equal(Path.Combine(data.Path, "serenity.db"), config.GetString("serenity.persistence.journal.sqlite.path"));
    }

    [Fact]
    public void Configured_market_data_symbols_are_also_the_traded_symbols_unless_trading_names_its_own()
    {
        var follow = ServerConfiguration.Load(new SerenityHostOptions { Hocon = "serenity.market-data.symbols = [\"S1\", \"S2\"]", UseEnvironment = false });
        Assert.Equal(["S1", "S2"], follow.GetStringList("serenity.trading.symbols"));
        var own = ServerConfiguration.Load(new SerenityHostOptions
        {
            Hocon = "serenity.market-data.symbols = [\"S1\", \"S2\"]\nserenity.trading.symbols = [\"S1\"]",
            UseEnvironment = false,
        });
        Assert.Equal(["S1"], own.GetStringList("serenity.trading.symbols"));
    }
}
