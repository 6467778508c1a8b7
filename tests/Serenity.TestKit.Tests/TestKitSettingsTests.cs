using Serenity.Hocon;

namespace Serenity.TestKit.Tests;

public sealed class TestKitSettingsTests : TestKit
{
    [Fact]
    public void Defaults_come_from_serenity_test()
    {
        Assert.Equal(1.0, Settings.TimeFactor);
        Assert.Equal(TimeSpan.FromSeconds(3), Settings.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromMilliseconds(100), Settings.ExpectNoMessageDefault);
        Assert.Equal(TimeSpan.FromSeconds(3), Settings.FilterLeeway);
        Assert.Equal(TimeSpan.FromSeconds(1), Settings.Dilated(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Settings_can_be_read_from_any_config_with_the_serenity_test_section()
    {
        var config = ConfigurationFactory.ParseString("""
            serenity.test {
              timefactor = 0.5
              single-expect-default = 10s
              expect-no-message-default = 1s
              filter-leeway = 4s
            }
            """);
        var settings = new TestKitSettings(config);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.ExpectNoMessageDefault);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.FilterLeeway);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void A_time_factor_that_is_not_positive_is_rejected(string factor)
    {
        var config = ConfigurationFactory.ParseString($"serenity.test.timefactor = {factor}").WithFallback(Sys.Settings.Config);
        var ex = Assert.Throws<ConfigException>(() => new TestKitSettings(config));
        Assert.Equal("serenity.test.timefactor", ex.Path);
    }
}

public sealed class DilatedTestKitSettingsTests : TestKit
{
    public DilatedTestKitSettingsTests()
        : base("serenity.test.timefactor = 2")
    {
    }

    [Fact]
    public void A_time_factor_of_two_doubles_every_default()
    {
        Assert.Equal(2.0, Settings.TimeFactor);
        Assert.Equal(TimeSpan.FromSeconds(6), Settings.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromMilliseconds(200), Settings.ExpectNoMessageDefault);
        Assert.Equal(TimeSpan.FromSeconds(6), Settings.FilterLeeway);
        Assert.Equal(TimeSpan.FromSeconds(3), Settings.Dilated(TimeSpan.FromSeconds(1.5)));
    }

    [Fact]
    public void Explicit_expectation_timeouts_are_dilated_too()
    {
        var ex = Assert.Throws<TestKitFailedException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(50)));
        Assert.Contains("timed out after 100 ms", ex.Message, StringComparison.Ordinal);
    }
}
