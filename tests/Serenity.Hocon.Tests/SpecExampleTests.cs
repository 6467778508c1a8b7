namespace Serenity.Hocon.Tests;

/// <summary>Examples taken from the semantics described in the HOCON specification.</summary>
public class SpecExampleTests
{
    [Fact]
    public void Self_reference_into_an_earlier_object_then_merge()
    {
        var config = Hocon.Parse("""
            foo : { a : { c : 1 } }
            foo : ${foo.a}
            foo : { a : 2 }
            """);

        Assert.Equal(1, config.GetInt("foo.c"));
        Assert.Equal(2, config.GetInt("foo.a"));
    }

    [Fact]
    public void Sibling_reference_sees_the_merged_value()
    {
        var config = Hocon.Parse("""
            bar : { foo : 42, baz : ${bar.foo} }
            bar : { foo : 43 }
            """);

        Assert.Equal(43, config.GetInt("bar.baz"));
    }

    [Fact]
    public void Earlier_self_reference_in_a_merged_object()
    {
        var config = Hocon.Parse("""
            foo : { bar : 1 }
            foo : { bar : ${foo.bar} }
            """);

        Assert.Equal(1, config.GetInt("foo.bar"));
    }

    [Fact]
    public void Object_defined_by_substitution_then_extended_by_a_literal()
    {
        var config = Hocon.Parse("""
            data-center-generic = { cluster-size = 6 }
            data-center-east = ${data-center-generic} { name = "east" }
            data-center-west = ${data-center-generic}
            data-center-west = { name = "west" }
            """);

        Assert.Equal(6, config.GetInt("data-center-east.cluster-size"));
        Assert.Equal("east", config.GetString("data-center-east.name"));
        Assert.Equal(6, config.GetInt("data-center-west.cluster-size"));
        Assert.Equal("west", config.GetString("data-center-west.name"));
    }

    [Fact]
    public void Object_with_and_without_braces_are_equivalent()
    {
        var braced = Hocon.Parse("{ foo { bar = 1 }, foo.baz = 2 }");
        var unbraced = Hocon.Parse("foo.bar = 1\nfoo { baz = 2 }");

        Assert.Equal(braced.Flatten(), unbraced.Flatten());
    }

    [Fact]
    public void Path_append_pattern()
    {
        var config = Hocon.Parse("""
            path = [ /usr/bin ]
            path = ${path} [ /usr/local/bin ]
            path += /opt/bin
            """);

        Assert.Equal(["/usr/bin", "/usr/local/bin", "/opt/bin"], config.GetStringList("path"));
    }

    [Fact]
    public void Include_as_a_key_requires_a_separator()
    {
        var config = Hocon.Parse("include = 1\nx { include : 2 }");

        Assert.Equal(1, config.GetInt("include"));
        Assert.Equal(2, config.GetInt("x.include"));
    }
}
