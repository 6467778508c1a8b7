using Serenity.Hocon;

namespace Serenity.Actors.Tests;

/// <summary>The kernel's configuration: bad values stop ActorSystem.Create with the key, where it was set and what was expected.</summary>
public sealed class ConfigTests
{
    private static ConfigException CreateFails(string hocon)
    {
        var config = ConfigurationFactory.ParseString(hocon, "app.conf");
        return Assert.Throws<ConfigException>(() => ActorSystem.Create("config", config));
    }

    [Fact]
    public void Throughput_zero_is_refused_naming_the_key_and_where_it_was_set()
    {
        var e = CreateFails("serenity.actor.default-dispatcher.throughput = 0");

        Assert.Equal("serenity.actor.default-dispatcher.throughput", e.Path);
        Assert.Contains("serenity.actor.default-dispatcher.throughput", e.Message, StringComparison.Ordinal);
        Assert.Contains("app.conf:1", e.Message, StringComparison.Ordinal);
        Assert.Contains("positive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_key_and_the_value()
    {
        var e = CreateFails("serenity.actor {\n  provider = foo\n}");

        Assert.Equal("serenity.actor.provider", e.Path);
        Assert.Contains("'foo'", e.Message, StringComparison.Ordinal);
        Assert.Contains("app.conf:2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serenity.actor.default-dispatcher.throughput = lots", "serenity.actor.default-dispatcher.throughput")]
    [InlineData("serenity.actor.ask-timeout = soon", "serenity.actor.ask-timeout")]
    [InlineData("serenity.loglevel = LOUD", "serenity.loglevel")]
    [InlineData("serenity.stdout-loglevel = LOUD", "serenity.stdout-loglevel")]
    [InlineData("serenity.log-dead-letters-during-shutdown = maybe", "serenity.log-dead-letters-during-shutdown")]
    public void A_value_of_the_wrong_kind_is_refused_naming_its_key(string hocon, string key)
    {
        var e = CreateFails(hocon);

        Assert.Equal(key, e.Path);
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mailbox_of_an_unknown_type_is_refused_when_an_actor_uses_it()
    {
        using var system = ActorSystem.Create("config", ConfigurationFactory.ParseString(
            "serenity.stdout-loglevel = OFF\nserenity.actor.mailboxes.odd { mailbox-type = priority }", "app.conf"));

        var e = Assert.Throws<ConfigException>(() => system.ActorOf(Props.Create(() => new Nothing()).WithMailbox("odd")));

        Assert.Equal("serenity.actor.mailboxes.odd.mailbox-type", e.Path);
    }

    [Fact]
    public void Valid_overrides_are_applied_over_the_defaults()
    {
        using var system = ActorSystem.Create("config", ConfigurationFactory.ParseString("""
            serenity {
              stdout-loglevel = OFF
              loglevel = WARNING
              log-dead-letters = off
              actor {
                ask-timeout = 250ms
                default-dispatcher.throughput = 5
              }
            }
            """));

        Assert.Equal(5, system.Settings.DefaultThroughput);
        Assert.Equal(TimeSpan.FromMilliseconds(250), system.Settings.AskTimeout);
        Assert.Equal(LogLevel.Warning, system.Settings.LogLevel);
        Assert.Equal(0, system.Settings.LogDeadLetters);
        Assert.Equal("local", system.Settings.Provider); // from the defaults
    }

    [Fact]
    public void The_defaults_come_from_the_embedded_serenity_conf()
    {
        using var system = ActorSystem.Create("config", ConfigurationFactory.ParseString("serenity.stdout-loglevel = OFF"));

        Assert.Equal(30, system.Settings.DefaultThroughput);
        Assert.Equal(TimeSpan.FromSeconds(10), system.Settings.AskTimeout);
        Assert.Equal(LogLevel.Info, system.Settings.LogLevel);
        Assert.Equal(10, system.Settings.LogDeadLetters);
        Assert.False(system.Settings.DebugUnhandled);
    }

    private sealed class Nothing : ReceiveActor;
}
