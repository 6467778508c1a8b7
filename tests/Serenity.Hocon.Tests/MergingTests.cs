namespace Serenity.Hocon.Tests;

public class MergingTests
{
    [Fact]
    public void Duplicate_objects_merge_recursively()
    {
        var config = Hocon.Parse("""
            foo { a = 42, nested { x = 1 } }
            foo { b = 43, nested { y = 2 } }
            """);

        Assert.Equal(42, config.GetInt("foo.a"));
        Assert.Equal(43, config.GetInt("foo.b"));
        Assert.Equal(1, config.GetInt("foo.nested.x"));
        Assert.Equal(2, config.GetInt("foo.nested.y"));
    }

    [Fact]
    public void Later_scalar_wins()
    {
        var config = Hocon.Parse("a = 1\na = 2\nb { c = 1 }\nb.c = 3");

        Assert.Equal(2, config.GetInt("a"));
        Assert.Equal(3, config.GetInt("b.c"));
    }

    [Fact]
    public void Non_object_hides_earlier_object()
    {
        var config = Hocon.Parse("foo { a = 1 }\nfoo = 5\nfoo { b = 2 }");

        Assert.False(config.HasPath("foo.a"));
        Assert.Equal(2, config.GetInt("foo.b"));
    }

    [Fact]
    public void Object_replaces_earlier_scalar()
    {
        var config = Hocon.Parse("foo = 5\nfoo { b = 2 }");

        Assert.Equal(["b"], config.GetConfig("foo").Keys);
    }

    [Fact]
    public void Later_array_replaces_earlier_array()
    {
        var config = Hocon.Parse("a = [1, 2]\na = [3]");

        Assert.Equal([3], config.GetIntList("a"));
    }

    [Fact]
    public void Null_overrides_earlier_value()
    {
        var config = Hocon.Parse("a = 1\na = null");

        Assert.False(config.HasPath("a"));
        Assert.Equal(7, config.GetInt("a", 7));
    }

    [Fact]
    public void Replaced_field_keeps_its_original_position()
    {
        var config = Hocon.Parse("a = 1\nb = 2\na = 3");

        Assert.Equal(["a", "b"], config.Keys);
    }
}
