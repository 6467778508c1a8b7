namespace Serenity.Hocon.Tests;

public class SelfReferenceTests
{
    [Fact]
    public void Self_reference_appends_to_an_array()
    {
        var config = Hocon.Parse("path = [a, b]\npath = ${path} [c]");

        Assert.Equal(["a", "b", "c"], config.GetStringList("path"));
    }

    [Fact]
    public void Self_reference_appends_to_a_string()
    {
        var config = Hocon.Parse("a = foo\na = ${a}\"suffix\"\na = ${a} more");

        Assert.Equal("foosuffix more", config.GetString("a"));
    }

    [Fact]
    public void Self_reference_in_a_nested_object_sees_the_earlier_nested_value()
    {
        var config = Hocon.Parse("a { b = [1] }\na { b = ${a.b} [2] }\na.b = ${a.b} [3]");

        Assert.Equal([1, 2, 3], config.GetIntList("a.b"));
    }

    [Fact]
    public void Self_reference_extends_an_earlier_object()
    {
        var config = Hocon.Parse("a { x = 1 }\na = ${a} { y = 2 }");

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void Self_reference_to_a_field_of_the_earlier_value()
    {
        var config = Hocon.Parse("a { x = 1 }\na = ${a.x}");

        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void Other_fields_see_the_final_value_of_a_self_referencing_field()
    {
        var config = Hocon.Parse("list = [1]\ncopy = ${list}\nlist = ${list} [2]");

        Assert.Equal([1, 2], config.GetIntList("copy"));
    }

    [Fact]
    public void Plus_equals_appends_to_an_existing_array()
    {
        var config = Hocon.Parse("a = [1]\na += 2\na += 3");

        Assert.Equal([1, 2, 3], config.GetIntList("a"));
    }

    [Fact]
    public void Plus_equals_with_an_array_appends_it_as_one_element()
    {
        var config = Hocon.Parse("a = [1]\na += [2]");

        Assert.Equal("a = [1, [2]]", config.Render().Trim());
    }

    [Fact]
    public void Plus_equals_on_a_missing_field_creates_an_array()
    {
        var config = Hocon.Parse("a += 1\na += 2\nb { c += x }");

        Assert.Equal([1, 2], config.GetIntList("a"));
        Assert.Equal(["x"], config.GetStringList("b.c"));
    }

    [Fact]
    public void Plus_equals_with_a_dotted_key()
    {
        var config = Hocon.Parse("a.b = [x]\na.b += y");

        Assert.Equal(["x", "y"], config.GetStringList("a.b"));
    }

    [Fact]
    public void Optional_self_reference_without_an_earlier_value_is_unset()
    {
        var config = Hocon.Parse("a = ${?a}\nb = ${?b} [1]");

        Assert.False(config.HasPath("a"));
        Assert.Equal([1], config.GetIntList("b"));
    }

    [Fact]
    public void Required_self_reference_without_an_earlier_value_is_an_error()
    {
        var name = "serenity_self_" + Guid.NewGuid().ToString("N");

        var error = Hocon.ParseError($"{name} = ${{{name}}} [1]");

        Assert.Equal(1, error.Line);
        Assert.Equal(name.Length + 4, error.Column);
        Assert.Contains("self-reference", error.Message, StringComparison.Ordinal);
    }
}
