using Serenity.Actors;
using Serenity.Hocon;
using Serenity.MarketData.Alpaca;
using Serenity.MarketData.Alpaca.Rest;
using Serenity.MarketData.Configuration;
using Serenity.MarketData.Simulation;

namespace Serenity.MarketData.Tests.Configuration;

public class MarketDataSettingsTests
{
    private static MarketDataSettings Read(string hocon = "") =>
        MarketDataSettings.Create(ConfigurationFactory.ParseString(hocon, "test.conf").WithFallback(Settings.Reference));

    [Fact]
    public void Defaults_are_the_simulator_on_the_iex_feed()
    {
        var settings = Read();
        Assert.Equal(MarketDataSourceKind.Simulator, settings.Source);
        Assert.Equal(DataFeed.Iex, settings.Feed);
        Assert.Equal("wss://stream.data.alpaca.markets/v2/iex", settings.StreamUri.ToString());
        Assert.Equal(TimeSpan.FromMinutes(1), settings.Graph.Bars.Interval);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.Graph.Bars.AllowedLateness);
        Assert.Equal([StreamChannel.Quotes, StreamChannel.Trades], settings.Channels);
        Assert.Contains("AAPL", settings.Graph.Cleaning.Universe!);
        Assert.Equal(settings.Symbols.Count, settings.Simulator.Symbols.Count);
        Assert.IsType<SimulatedFeed>(MarketDataFeeds.Create(settings, TimeProvider.System));
    }

    [Fact]
    public void Credentials_come_through_and_never_show()
    {
        var settings = Read("""
            serenity.market-data.alpaca { key-id = "AKTESTKEY", secret-key = "very-secret" }
            serenity.market-data.source = alpaca
            serenity.market-data.alpaca.feed = sip
            """);
        Assert.Equal("very-secret", settings.Credentials!.SecretKey);
        Assert.DoesNotContain("very-secret", settings.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/v2/sip", settings.StreamUri.ToString(), StringComparison.Ordinal);
        Assert.IsType<AlpacaStreamClient>(MarketDataFeeds.Create(settings, TimeProvider.System));
    }

    [Fact]
    public void Alpaca_without_credentials_stops_start_up()
    {
        var settings = Read("serenity.market-data { source = alpaca, alpaca { key-id = \"\", secret-key = \"\" } }");
        var error = Assert.Throws<ConfigException>(() => MarketDataFeeds.Create(settings, TimeProvider.System));
        Assert.Contains("ALPACA_KEY_ID", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serenity.market-data.source = bloomberg", "serenity.market-data.source at test.conf:1: expected simulator | alpaca | replay, found 'bloomberg'")]
    [InlineData("serenity.market-data.simulator.correlation = 2", "serenity.market-data.simulator.correlation at test.conf:1: expected a number from 0 to 1, found '2'")]
    [InlineData("serenity.market-data.alpaca.channels = [news]", "serenity.market-data.alpaca.channels at test.conf:1: expected trades, quotes, bars, dailyBars, updatedBars, statuses, lulds, imbalances, found 'news'")]
    public void A_bad_value_names_key_origin_and_expectation(string hocon, string message)
    {
        Assert.Equal(message, Assert.Throws<ConfigException>(() => Read(hocon)).Message);
    }
}
