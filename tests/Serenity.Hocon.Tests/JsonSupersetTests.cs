namespace Serenity.Hocon.Tests;

public class JsonSupersetTests
{
    [Fact]
    public void Parses_a_json_document()
    {
        var config = Hocon.Parse("""
            {
              "name": "serenity",
              "version": 3,
              "ratio": -1.5e2,
              "enabled": true,
              "disabled": false,
              "nothing": null,
              "tags": ["a", "b"],
              "nested": { "inner": { "deep": "yes" } },
              "empty": {},
              "list": []
            }
            """);

        Assert.Equal("serenity", config.GetString("name"));
        Assert.Equal(3, config.GetInt("version"));
        Assert.Equal(-150d, config.GetDouble("ratio"));
        Assert.True(config.GetBoolean("enabled"));
        Assert.False(config.GetBoolean("disabled"));
        Assert.False(config.HasPath("nothing"));
        Assert.Equal(["a", "b"], config.GetStringList("tags"));
        Assert.Equal("yes", config.GetString("nested.inner.deep"));
        Assert.True(config.GetConfig("empty").IsEmpty);
        Assert.Empty(config.GetStringList("list"));
    }

    [Fact]
    public void Json_allows_a_newline_after_the_colon()
    {
        var config = Hocon.Parse("{ \"a\":\n  1 }");

        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void Json_escapes_are_decoded()
    {
        var config = Hocon.Parse("""{ "s": "q\"b\\s\/n\nt\tu\u00e9\u20ac" }""");

        Assert.Equal("q\"b\\s/n\nt\tu\u00e9\u20ac", config.GetString("s"));
    }

    [Fact]
    public void Root_array_is_rejected()
    {
        var error = Hocon.ParseError("[1, 2]");

        Assert.Equal(1, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains("object at the root", error.Expected, StringComparison.Ordinal);
    }
}
