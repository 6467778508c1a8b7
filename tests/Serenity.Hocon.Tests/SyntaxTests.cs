namespace Serenity.Hocon.Tests;

public class SyntaxTests
{
    [Fact]
    public void Root_braces_may_be_omitted()
    {
        var config = Hocon.Parse("a = 1\nb = two");

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("two", config.GetString("b"));
    }

    [Theory]
    [InlineData("a = 1")]
    [InlineData("a : 1")]
    [InlineData("a=1")]
    [InlineData("a:1")]
    [InlineData("{ a = 1 }")]
    public void Equals_and_colon_are_both_separators(string text) => Assert.Equal(1, Hocon.Parse(text).GetInt("a"));

    [Fact]
    public void Separator_may_be_omitted_before_an_object()
    {
        var config = Hocon.Parse("a { b { c = 1 } }");

        Assert.Equal(1, config.GetInt("a.b.c"));
    }

    [Fact]
    public void Fields_are_separated_by_commas_or_newlines_and_trailing_commas_are_allowed()
    {
        var config = Hocon.Parse("a = 1, b = 2,\nc = 3\n\n\nd = [1, 2, 3,]\ne { x = 1, }");

        Assert.Equal(3, config.GetInt("c"));
        Assert.Equal([1, 2, 3], config.GetIntList("d"));
        Assert.Equal(1, config.GetInt("e.x"));
        Assert.Equal(["a", "b", "c", "d", "e"], config.Keys);
    }

    [Fact]
    public void Array_elements_may_be_separated_by_newlines()
    {
        var config = Hocon.Parse("a = [\n  1\n  2\n\n  3\n]");

        Assert.Equal([1, 2, 3], config.GetIntList("a"));
    }

    [Fact]
    public void Dotted_keys_create_nested_objects()
    {
        var config = Hocon.Parse("a.b.c = 1\na.b.d = 2");

        Assert.Equal(1, config.GetInt("a.b.c"));
        Assert.Equal(2, config.GetInt("a.b.d"));
        Assert.Equal(["c", "d"], config.GetConfig("a.b").Keys);
    }

    [Fact]
    public void Quoted_keys_are_single_keys()
    {
        var config = Hocon.Parse("\"a.b\" = 1\na.\"c.d\".e = 2");

        Assert.Equal(1, config.GetInt("\"a.b\""));
        Assert.False(config.HasPath("a.b"));
        Assert.Equal(2, config.GetInt("a.\"c.d\".e"));
    }

    [Fact]
    public void Keys_may_contain_spaces_between_words()
    {
        var config = Hocon.Parse("foo bar = 1");

        Assert.Equal(1, config.GetInt("foo bar"));
    }

    [Fact]
    public void Keys_may_look_like_keywords_or_numbers()
    {
        var config = Hocon.Parse("true = 1\nnull = 2\n10 = 3\ninclude = 4");

        Assert.Equal(1, config.GetInt("true"));
        Assert.Equal(2, config.GetInt("null"));
        Assert.Equal(3, config.GetInt("10"));
        Assert.Equal(4, config.GetInt("include"));
    }

    [Fact]
    public void Hash_and_double_slash_comments_run_to_end_of_line()
    {
        var config = Hocon.Parse("""
            # heading
            a = 1 # trailing
            // another
            b = foo // trailing
            c = "# not a comment"
            d = "// not a comment"
            """);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("foo", config.GetString("b"));
        Assert.Equal("# not a comment", config.GetString("c"));
        Assert.Equal("// not a comment", config.GetString("d"));
        Assert.Equal(["a", "b", "c", "d"], config.Keys);
    }

    [Fact]
    public void Comment_ends_a_field_like_a_newline()
    {
        var config = Hocon.Parse("a = 1 # one\nb = 2");

        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Empty_document_is_an_empty_config()
    {
        Assert.True(Hocon.Parse(string.Empty).IsEmpty);
        Assert.True(Hocon.Parse("  \n # only a comment\n").IsEmpty);
        Assert.True(Hocon.Parse("{}").IsEmpty);
    }

    [Fact]
    public void Windows_line_endings_are_accepted()
    {
        var config = Hocon.Parse("a = 1\r\nb = two\r\n");

        Assert.Equal("two", config.GetString("b"));
    }
}
