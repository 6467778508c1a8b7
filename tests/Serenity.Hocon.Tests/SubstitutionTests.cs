namespace Serenity.Hocon.Tests;

public class SubstitutionTests
{
    [Fact]
    public void Substitution_copies_a_value_of_any_type()
    {
        var config = Hocon.Parse("""
            n = 42
            s = text
            l = [1, 2]
            o { x = 1 }
            a = ${n}
            b = ${s}
            c = ${l}
            d = ${o}
            """);

        Assert.Equal(42, config.GetInt("a"));
        Assert.Equal("text", config.GetString("b"));
        Assert.Equal([1, 2], config.GetIntList("c"));
        Assert.Equal(1, config.GetInt("d.x"));
    }

    [Fact]
    public void Forward_references_see_the_final_value()
    {
        var config = Hocon.Parse("a = ${b}\nb = 1\nb = 2");

        Assert.Equal(2, config.GetInt("a"));
    }

    [Fact]
    public void Substitution_paths_are_absolute_and_may_be_nested()
    {
        var config = Hocon.Parse("""
            serenity.actor { default-throughput = 10 }
            serenity.actor.dispatcher { throughput = ${serenity.actor.default-throughput} }
            """);

        Assert.Equal(10, config.GetInt("serenity.actor.dispatcher.throughput"));
    }

    [Fact]
    public void Quoted_keys_in_substitution_paths()
    {
        var config = Hocon.Parse("\"a.b\" { c = 1 }\nx = ${\"a.b\".c}");

        Assert.Equal(1, config.GetInt("x"));
    }

    [Fact]
    public void Chained_substitutions_resolve()
    {
        var config = Hocon.Parse("a = ${b}\nb = ${c}\nc = end");

        Assert.Equal("end", config.GetString("a"));
    }

    [Fact]
    public void Object_from_substitution_merges_with_later_fields()
    {
        var config = Hocon.Parse("base { a = 1, b = 2 }\nderived = ${base}\nderived.b = 3\nderived { c = 4 }");

        Assert.Equal(1, config.GetInt("derived.a"));
        Assert.Equal(3, config.GetInt("derived.b"));
        Assert.Equal(4, config.GetInt("derived.c"));
        Assert.Equal(2, config.GetInt("base.b"));
    }

    [Fact]
    public void Substitution_sees_values_merged_after_it()
    {
        var config = Hocon.Parse("a { x = 1 }\nb = ${a}\na { y = 2 }");

        Assert.Equal(2, config.GetInt("b.y"));
    }

    [Fact]
    public void Overridden_unresolvable_substitution_is_not_an_error()
    {
        var config = Hocon.Parse("a = ${does-not-exist}\na = 1");

        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void Optional_substitution_that_is_missing_leaves_the_field_unset()
    {
        var config = Hocon.Parse("a = ${?missing}\nb = 1");

        Assert.False(config.HasPath("a"));
        Assert.Equal(["b"], config.Keys);
    }

    [Fact]
    public void Optional_substitution_that_is_missing_keeps_the_previous_value()
    {
        var config = Hocon.Parse("a = 1\na = ${?missing}");

        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void Optional_substitution_that_exists_overrides()
    {
        var config = Hocon.Parse("a = 1\na = ${?b}\nb = 2");

        Assert.Equal(2, config.GetInt("a"));
    }

    [Fact]
    public void Missing_optional_substitution_in_a_concatenation_is_dropped()
    {
        var config = Hocon.Parse("a = ${?missing} value\nb = [1] ${?missing} [2]\nc = [${?missing}, 3]");

        Assert.Equal("value", config.GetString("a"));
        Assert.Equal([1, 2], config.GetIntList("b"));
        Assert.Equal([3], config.GetIntList("c"));
    }

    [Fact]
    public void Missing_required_substitution_names_it_and_its_position()
    {
        var error = Hocon.ParseError("x = 1\na = ${missing}");

        Assert.Equal("<string>", error.Origin);
        Assert.Equal(2, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("${missing}", error.Expected, StringComparison.Ordinal);
        Assert.StartsWith("<string>:2:5: expected a value for substitution ${missing}, found ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycle_is_reported_with_the_substitutions_involved()
    {
        var error = Hocon.ParseError("a = ${b}\nb = ${c}\nc = ${a}");

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        Assert.Contains("${a} -> ${b}", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void Object_containing_a_reference_to_itself_is_a_cycle()
    {
        var error = Hocon.ParseError("a { b = ${a} }");

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
        Assert.Equal(9, error.Column);
    }

    [Fact]
    public void Substitution_inside_a_string_is_literal_text()
    {
        var config = Hocon.Parse("a = \"${not.a.substitution}\"");

        Assert.Equal("${not.a.substitution}", config.GetString("a"));
    }

    [Fact]
    public void Substitution_in_an_array_of_objects()
    {
        var config = Hocon.Parse("port = 80\nservers = [{ host = a, port = ${port} }, { host = b, port = 81 }]");

        var flat = config.Flatten().ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.Equal("80", flat["servers.0.port"]);
        Assert.Equal("b", flat["servers.1.host"]);
    }

    [Fact]
    public void Missing_optional_substitution_keeps_an_earlier_object()
    {
        var config = Hocon.Parse("a { b = 1 }\na = ${?nothing}");

        Assert.Equal(1, config.GetInt("a.b"));
    }

    [Fact]
    public void Present_optional_object_substitution_merges_over_an_earlier_object()
    {
        var config = Hocon.Parse("a { b = 1, c = 1 }\na = ${?other}\nother { c = 2 }");

        Assert.Equal(1, config.GetInt("a.b"));
        Assert.Equal(2, config.GetInt("a.c"));
    }

    [Fact]
    public void Substitution_of_null_is_null()
    {
        var config = Hocon.Parse("a = null\nb = ${a}");

        Assert.False(config.HasPath("b"));
        Assert.Contains(new KeyValuePair<string, string?>("b", null), config.Flatten());
    }
}
