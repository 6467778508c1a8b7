namespace Serenity.Hocon.Tests;

/// <summary>Short helpers for tests.</summary>
internal static class Hocon
{
    public static Config Parse(string text) => ConfigurationFactory.ParseString(text);

    public static HoconParseException ParseError(string text) =>
        Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString(text));
}
