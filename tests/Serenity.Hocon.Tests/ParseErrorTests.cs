namespace Serenity.Hocon.Tests;

public class ParseErrorTests
{
    [Fact]
    public void Unclosed_object_is_reported_at_end_of_file()
    {
        var error = Hocon.ParseError("a = {\n b = 1\n");

        Assert.Equal(3, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Equal("'}' to close the object opened at 1:5", error.Expected);
        Assert.Equal("<string>:3:1: expected '}' to close the object opened at 1:5, found end of file", error.Message);
    }

    [Fact]
    public void Unterminated_string_is_reported_where_it_ends()
    {
        var error = Hocon.ParseError("a = \"abc");

        Assert.Equal(1, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Equal("<string>:1:9: expected closing '\"' of the string started at 1:5, found end of file", error.Message);
    }

    [Fact]
    public void Newline_inside_a_quoted_string_is_an_error()
    {
        var error = Hocon.ParseError("a = \"abc\nb = 1");

        Assert.Equal(1, error.Line);
        Assert.Equal(9, error.Column);
        Assert.EndsWith("found newline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_triple_quoted_string()
    {
        var error = Hocon.ParseError("a = \"\"\"abc\ndef");

        Assert.Equal(2, error.Line);
        Assert.Equal(4, error.Column);
        Assert.Contains("'\"\"\"' of the string started at 1:5", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_brace_where_a_value_is_expected()
    {
        var error = Hocon.ParseError("a = }");

        Assert.Equal(1, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Equal("<string>:1:5: expected a value after '=', found '}'", error.Message);
    }

    [Fact]
    public void Missing_value_at_end_of_file()
    {
        var error = Hocon.ParseError("a =");

        Assert.Equal((1, 4), (error.Line, error.Column));
        Assert.Equal("a value after '='", error.Expected);
    }

    [Fact]
    public void Missing_separator_after_key()
    {
        var error = Hocon.ParseError("a.b [1]");

        Assert.Equal((1, 5), (error.Line, error.Column));
        Assert.Equal("'=', ':' or '{' after the key a.b", error.Expected);
    }

    [Fact]
    public void Key_alone_on_a_line()
    {
        var error = Hocon.ParseError("ok = 1\nlonely\nb = 2");

        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.EndsWith("found newline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_array()
    {
        var error = Hocon.ParseError("a = [1, 2");

        Assert.Equal((1, 10), (error.Line, error.Column));
        Assert.Equal("']' to close the array opened at 1:5", error.Expected);
    }

    [Fact]
    public void Array_closed_with_brace()
    {
        var error = Hocon.ParseError("a = [1, 2}");

        Assert.Equal((1, 10), (error.Line, error.Column));
        Assert.Contains("found '}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stray_close_brace_at_root()
    {
        var error = Hocon.ParseError("a = 1\n}");

        Assert.Equal((2, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Content_after_the_braced_root()
    {
        var error = Hocon.ParseError("{ a = 1 }\nb = 2");

        Assert.Equal((2, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Double_comma_between_fields()
    {
        var error = Hocon.ParseError("a = 1,, b = 2");

        Assert.Equal((1, 7), (error.Line, error.Column));
        Assert.Equal("a key", error.Expected);
    }

    [Fact]
    public void Double_comma_in_array()
    {
        var error = Hocon.ParseError("a = [1,,2]");

        Assert.Equal((1, 8), (error.Line, error.Column));
    }

    [Fact]
    public void Two_separators()
    {
        var error = Hocon.ParseError("a = b = c");

        Assert.Equal((1, 7), (error.Line, error.Column));
        Assert.Contains("after the field", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a = b*c", 1, 6, "'*'")]
    [InlineData("a = 1 + 2", 1, 7, "'+'")]
    [InlineData("a = $b", 1, 5, "'$b'")]
    [InlineData("a = `x`", 1, 5, "'`'")]
    public void Forbidden_characters_in_unquoted_text(string text, int line, int column, string found)
    {
        var error = Hocon.ParseError(text);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.EndsWith("found " + found, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_escape()
    {
        var error = Hocon.ParseError("a = \"x\\qy\"");

        Assert.Equal((1, 7), (error.Line, error.Column));
        Assert.EndsWith("found '\\q'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_substitution()
    {
        var error = Hocon.ParseError("a = ${b.c\nd = 1");

        Assert.Equal((1, 10), (error.Line, error.Column));
        Assert.Contains("closing the substitution started at 1:5", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a = ${}")]
    [InlineData("a = ${b..c}")]
    [InlineData("a = ${b.}")]
    public void Invalid_substitution_paths(string text)
    {
        var error = Hocon.ParseError(text);

        Assert.Equal((1, 5), (error.Line, error.Column));
        Assert.StartsWith("a path inside", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a..b = 1", 1, 1)]
    [InlineData("a. = 1", 1, 4)]
    [InlineData(".a = 1", 1, 1)]
    public void Invalid_dotted_keys(string text, int line, int column)
    {
        var error = Hocon.ParseError(text);

        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Errors_use_the_given_origin()
    {
        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString("a = }", "settings.conf"));

        Assert.Equal("settings.conf", error.Origin);
        Assert.StartsWith("settings.conf:1:5:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_count_tabs_as_one()
    {
        var error = Hocon.ParseError("a {\n\tb = }\n}");

        Assert.Equal((2, 6), (error.Line, error.Column));
    }

    [Fact]
    public void Deep_nesting_is_rejected_instead_of_overflowing_the_stack()
    {
        var text = "a = " + new string('[', 5000) + new string(']', 5000);

        var error = Hocon.ParseError(text);

        Assert.Contains("levels of nesting", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_exception_is_a_hocon_exception() => Assert.IsType<HoconException>(Hocon.ParseError("a = }"), exactMatch: false);
}
