using Serenity.Hocon;
using Serenity.Server.Hosting;

namespace Serenity.Server.Tests.Unit;

public sealed class FeatureSettingsTests
{
    [Fact]
    public void Risk_and_the_live_recorder_are_on_by_default()
    {
        var settings = FeatureSettings.From(ConfigurationFactory.Empty);
        Assert.True(settings.RiskEnabled);
        Assert.True(settings.TickstoreLiveEnabled);
        Assert.Equal("./data/tickstore", settings.TickstoreRoot);
        Assert.Equal(TimeSpan.FromMinutes(15), settings.TickstoreFlushInterval);
        Assert.Empty(settings.TickstoreLiveSymbols);
    }

    [Fact]
    public void Keys_are_read()
    {
        var settings = FeatureSettings.From(ConfigurationFactory.ParseString("""
            serenity.risk.enabled = off
            serenity.tickstore { root = "/srv/ts", live { enabled = off, symbols = ["AAPL"], flush-interval = 30s } }
            """));
        Assert.False(settings.RiskEnabled);
        Assert.False(settings.TickstoreLiveEnabled);
        Assert.Equal("/srv/ts", settings.TickstoreRoot);
        Assert.Equal(["AAPL"], settings.TickstoreLiveSymbols);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.TickstoreFlushInterval);
    }

    [Fact]
    public void Risk_off_with_the_pre_trade_check_on_is_a_configuration_error_naming_the_key()
    {
        var config = ConfigurationFactory.ParseString("""
            serenity.risk.enabled = off
            serenity.trading.pre-trade-check = on
            """);
        var e = Assert.Throws<ConfigException>(() => FeatureSettings.From(config));
        Assert.Contains("serenity.risk.enabled", e.Message, StringComparison.Ordinal);
        var flush = ConfigurationFactory.ParseString("serenity.tickstore.live.flush-interval = 0s");
        Assert.Throws<ConfigException>(() => FeatureSettings.From(flush));
    }

    [Fact]
    public void The_data_folder_holds_the_tickstore_unless_a_layer_places_it()
    {
        var data = Path.Combine(Path.GetTempPath(), "serenity-data-x");
        var placed = ServerConfiguration.Load(new SerenityHostOptions { DataDirectory = data, UseEnvironment = false });
        Assert.Equal(Path.Combine(Path.GetFullPath(data), "tickstore"), placed.GetString("serenity.tickstore.root"));
        Assert.Equal(Path.Combine(Path.GetFullPath(data), "serenity.db"), placed.GetString("serenity.persistence.journal.sqlite.path"));

        var own = ServerConfiguration.Load(new SerenityHostOptions { DataDirectory = data, UseEnvironment = false, Hocon = "serenity.tickstore.root = \"/srv/ts\"" });
        Assert.Equal("/srv/ts", own.GetString("serenity.tickstore.root"));

        var none = ServerConfiguration.Load(new SerenityHostOptions { UseEnvironment = false });
        Assert.False(none.HasPath("serenity.tickstore.root"));
    }
}
