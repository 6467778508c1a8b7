namespace Serenity.Hocon.Tests;

public class ConcatenationTests
{
    [Fact]
    public void Arrays_concatenate()
    {
        var config = Hocon.Parse("a = [1, 2] [3, 4]\nb = [1]\n  c = [0]");

        Assert.Equal([1, 2, 3, 4], config.GetIntList("a"));
    }

    [Fact]
    public void Objects_concatenate_by_merging()
    {
        var config = Hocon.Parse("a = { x = 1, y = 1 } { y = 2, z = 3 }");

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
        Assert.Equal(3, config.GetInt("a.z"));
    }

    [Fact]
    public void Strings_concatenate_with_substitutions()
    {
        var config = Hocon.Parse("name = world\ngreeting = hello ${name}\"!\"\nquoted = \"a \"${name}\" b\"");

        Assert.Equal("hello world!", config.GetString("greeting"));
        Assert.Equal("a world b", config.GetString("quoted"));
    }

    [Fact]
    public void Numbers_and_booleans_concatenate_as_written()
    {
        var config = Hocon.Parse("n = 1.50\nb = true\ns = ${n}${b} x");

        Assert.Equal("1.50true x", config.GetString("s"));
    }

    [Fact]
    public void Array_substitutions_concatenate()
    {
        var config = Hocon.Parse("base = [a, b]\nall = ${base} [c]");

        Assert.Equal(["a", "b", "c"], config.GetStringList("all"));
    }

    [Fact]
    public void Object_substitutions_merge_with_literal_objects()
    {
        var config = Hocon.Parse("defaults { timeout = 5s, retries = 3 }\nservice = ${defaults} { retries = 5 }");

        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("service.timeout"));
        Assert.Equal(5, config.GetInt("service.retries"));
    }

    [Fact]
    public void Mixing_array_and_string_is_an_error_at_the_offending_part()
    {
        var error = Hocon.ParseError("a = [1] foo");

        Assert.Equal(1, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Contains("an array to concatenate with an array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixing_object_and_array_is_an_error()
    {
        var error = Hocon.ParseError("x = [1]\na = { b = 1 } ${x}");

        Assert.Equal(2, error.Line);
        Assert.Equal(15, error.Column);
        Assert.Contains("found an array", error.Message, StringComparison.Ordinal);
    }
}
