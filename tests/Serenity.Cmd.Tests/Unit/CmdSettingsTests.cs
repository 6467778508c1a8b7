using Serenity.Hocon;
using Serenity.Server.Admin;

namespace Serenity.Cmd.Tests.Unit;

public sealed class CmdSettingsTests
{
    [Fact]
    public void Defaults_are_loopback_9110_without_a_token()
    {
        var settings = CmdSettings.From(ConfigurationFactory.ParseString(""));
        Assert.Equal("127.0.0.1", settings.Host);
        Assert.Equal(9110, settings.Port);
        Assert.True(settings.Enabled);
        Assert.False(settings.TokenRequired);
    }

    [Theory]
    [InlineData("0.0.0.0", false, true)]
    [InlineData("10.1.2.3", false, true)]
    [InlineData("::1", false, false)]
    [InlineData("localhost", false, false)]
    [InlineData("127.0.0.1", true, true)]
    public void The_token_is_required_beyond_loopback_or_when_asked(string host, bool requireToken, bool required) =>
        Assert.Equal(required, new CmdSettings { Host = host, RequireToken = requireToken }.TokenRequired);

    [Fact]
    public void The_section_is_read_and_checked()
    {
        var settings = CmdSettings.From(ConfigurationFactory.ParseString("serenity.cmd { host = \"0.0.0.0\", port = 9200, require-token = on, log-buffer = 50 }"));
        Assert.Equal(("0.0.0.0", 9200, true, 50), (settings.Host, settings.Port, settings.RequireToken, settings.LogBuffer));
        Assert.Throws<ConfigException>(() => CmdSettings.From(ConfigurationFactory.ParseString("serenity.cmd.port = 70000")));
    }
}
