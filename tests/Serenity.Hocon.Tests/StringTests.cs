namespace Serenity.Hocon.Tests;

public class StringTests
{
    [Fact]
    public void Unquoted_strings_keep_inner_whitespace_and_drop_outer_whitespace()
    {
        var config = Hocon.Parse("a =    foo   bar  baz   \nb = x");

        Assert.Equal("foo   bar  baz", config.GetString("a"));
    }

    [Fact]
    public void Unquoted_strings_may_contain_dots_dashes_slashes_and_parentheses()
    {
        var config = Hocon.Parse("a = akka.tcp/sys-1 (local)\nb = /usr/bin");

        Assert.Equal("akka.tcp/sys-1 (local)", config.GetString("a"));
        Assert.Equal("/usr/bin", config.GetString("b"));
    }

    [Fact]
    public void Unquoted_string_stops_at_double_slash_comment()
    {
        var config = Hocon.Parse("url = http//example");

        Assert.Equal("http", config.GetString("url"));
    }

    [Fact]
    public void Quoted_and_unquoted_strings_concatenate()
    {
        var config = Hocon.Parse("a = foo \"bar baz\" qux\nb = \"x\"\"y\"");

        Assert.Equal("foo bar baz qux", config.GetString("a"));
        Assert.Equal("xy", config.GetString("b"));
    }

    [Fact]
    public void Triple_quoted_strings_span_lines_and_keep_escapes_raw()
    {
        var config = Hocon.Parse("a = \"\"\"line one\n  \"quoted\" \\n raw\nline three\"\"\"");

        Assert.Equal("line one\n  \"quoted\" \\n raw\nline three", config.GetString("a"));
    }

    [Fact]
    public void Extra_quotes_at_the_end_of_a_triple_quoted_string_belong_to_it()
    {
        var config = Hocon.Parse("a = \"\"\"x\"\"\"\"\"");

        Assert.Equal("x\"\"", config.GetString("a"));
    }

    [Fact]
    public void Keywords_in_concatenations_are_strings()
    {
        var config = Hocon.Parse("a = true story\nb = null pointer\nc = 1 2 3");

        Assert.Equal("true story", config.GetString("a"));
        Assert.Equal("null pointer", config.GetString("b"));
        Assert.Equal("1 2 3", config.GetString("c"));
    }

    [Fact]
    public void Unicode_text_is_preserved()
    {
        var config = Hocon.Parse("name = Zürich\n\"ключ\" = значение");

        Assert.Equal("Zürich", config.GetString("name"));
        Assert.Equal("значение", config.GetString("ключ"));
    }
}
