namespace Serenity.Hocon.Tests;

public class FlattenAndRenderTests
{
    [Fact]
    public void Flatten_lists_leaves_with_dotted_paths()
    {
        var config = Hocon.Parse("a { b = 1, c = [x, y], d { e = true } }\nn = null\n\"k.q\" = v");

        var flat = config.Flatten().ToList();

        Assert.Equal(
            [
                new("a.b", "1"),
                new("a.c.0", "x"),
                new("a.c.1", "y"),
                new("a.d.e", "true"),
                new("n", null),
                new KeyValuePair<string, string?>("\"k.q\"", "v"),
            ],
            flat);
    }

    [Fact]
    public void Flatten_of_nested_arrays_and_objects_in_arrays()
    {
        var config = Hocon.Parse("a = [[1, 2], { b = 3 }]");

        Assert.Equal(["a.0.0", "a.0.1", "a.1.b"], config.Flatten().Select(kv => kv.Key));
    }

    [Fact]
    public void Render_produces_text_that_parses_back_to_the_same_values()
    {
        var config = Hocon.Parse("a { b = 1, s = \"quote \\\" and \\n\", list = [1, two, { x = 1 }] }\nempty {}\nn = null\n\"dotted.key\" = ok");

        var rendered = config.Render();
        var reparsed = Hocon.Parse(rendered);

        Assert.Equal(config.Flatten(), reparsed.Flatten());
        Assert.Contains("\"dotted.key\" = \"ok\"", rendered, StringComparison.Ordinal);
        Assert.Equal(rendered, config.ToString());
    }

    [Fact]
    public void Render_of_nested_objects_uses_indentation()
    {
        var rendered = Hocon.Parse("a { b { c = 1 } }").Render();

        Assert.Equal("a {\n  b {\n    c = 1\n  }\n}\n", rendered);
    }

    [Fact]
    public void Render_of_empty_config() => Assert.Equal("{}", ConfigurationFactory.Empty.Render());
}
