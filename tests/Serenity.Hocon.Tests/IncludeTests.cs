namespace Serenity.Hocon.Tests;

public sealed class IncludeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Include_merges_the_file_at_that_point()
    {
        _folder.Write("conf/defaults.conf", "a = 1\nb = 2\nnested { x = 1 }");
        var main = _folder.Write("conf/main.conf", "a = 0\ninclude \"defaults.conf\"\nb = 3\nnested { y = 2 }");

        var config = ConfigurationFactory.ParseFile(main);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(3, config.GetInt("b"));
        Assert.Equal(1, config.GetInt("nested.x"));
        Assert.Equal(2, config.GetInt("nested.y"));
    }

    [Fact]
    public void Include_paths_are_relative_to_the_including_file()
    {
        _folder.Write("root/sub/inner.conf", "include \"../shared/leaf.conf\"\ninner = yes");
        _folder.Write("root/shared/leaf.conf", "leaf = yes");
        var main = _folder.Write("root/main.conf", "include file(\"sub/inner.conf\")");

        var config = ConfigurationFactory.ParseFile(main);

        Assert.Equal("yes", config.GetString("inner"));
        Assert.Equal("yes", config.GetString("leaf"));
    }

    [Fact]
    public void Include_without_extension_tries_conf()
    {
        _folder.Write("extra.conf", "extra = 1");
        var main = _folder.Write("main.conf", "include \"extra\"");

        Assert.Equal(1, ConfigurationFactory.ParseFile(main).GetInt("extra"));
    }

    [Fact]
    public void Include_inside_an_object_nests_the_fields()
    {
        _folder.Write("dispatcher.conf", "throughput = 5\ntype = pinned");
        var main = _folder.Write("main.conf", "serenity.actor { dispatcher { include \"dispatcher.conf\" } }");

        var config = ConfigurationFactory.ParseFile(main);

        Assert.Equal(5, config.GetInt("serenity.actor.dispatcher.throughput"));
        Assert.False(config.HasPath("throughput"));
    }

    [Fact]
    public void Substitutions_in_included_files_resolve_against_the_final_root()
    {
        _folder.Write("lib.conf", "lib { timeout = ${timeouts.default} }");
        var main = _folder.Write("main.conf", "include \"lib.conf\"\ntimeouts.default = 7s");

        Assert.Equal(TimeSpan.FromSeconds(7), ConfigurationFactory.ParseFile(main).GetTimeSpan("lib.timeout"));
    }

    [Fact]
    public void Substitutions_in_nested_includes_look_relative_to_the_include_point_first()
    {
        _folder.Write("part.conf", "x = 10\ny = ${x}\nz = ${top}");
        var main = _folder.Write("main.conf", "top = 1\nfoo { include \"part.conf\" }");

        var config = ConfigurationFactory.ParseFile(main);

        Assert.Equal(10, config.GetInt("foo.y"));
        Assert.Equal(1, config.GetInt("foo.z"));
    }

    [Fact]
    public void Missing_plain_include_is_ignored()
    {
        var main = _folder.Write("main.conf", "include \"nope.conf\"\na = 1");

        Assert.Equal(["a"], ConfigurationFactory.ParseFile(main).Keys);
    }

    [Fact]
    public void Missing_required_include_is_an_error_naming_the_file()
    {
        var main = _folder.Write("main.conf", "a = 1\ninclude required(\"nope.conf\")");

        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseFile(main));

        Assert.Equal(main, error.Origin);
        Assert.Equal(2, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains("nope.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_file_include_that_exists_is_read()
    {
        _folder.Write("there.conf", "there = true");
        var main = _folder.Write("main.conf", "include required(file(\"there.conf\"))");

        Assert.True(ConfigurationFactory.ParseFile(main).GetBoolean("there"));
    }

    [Fact]
    public void Errors_in_included_files_name_the_included_file()
    {
        var bad = _folder.Write("bad.conf", "ok = 1\nbroken = ");
        var main = _folder.Write("main.conf", "include \"bad.conf\"");

        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseFile(main));

        Assert.Equal(bad, error.Origin);
        Assert.Equal(2, error.Line);
        Assert.Equal(10, error.Column);
    }

    [Fact]
    public void Include_cycle_is_an_error()
    {
        _folder.Write("a.conf", "include \"b.conf\"");
        _folder.Write("b.conf", "include \"a.conf\"");
        var main = Path.Combine(_folder.Path, "a.conf");

        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseFile(main));

        Assert.Contains("include cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Origins_of_included_values_name_the_included_file()
    {
        var lib = _folder.Write("lib.conf", "\n\nvalue = 1");
        var main = _folder.Write("main.conf", "include \"lib.conf\"");

        Assert.Equal(lib + ":3", ConfigurationFactory.ParseFile(main).OriginOf("value"));
    }

    [Theory]
    [InlineData("include nope", 1, 9)]
    [InlineData("include file(nope)", 1, 14)]
    [InlineData("include file(\"x\"", 1, 17)]
    [InlineData("include required(\"x\" ", 1, 22)]
    public void Bad_include_syntax_is_reported(string text, int line, int column)
    {
        var error = Hocon.ParseError(text);

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Url_includes_are_rejected()
    {
        var error = Hocon.ParseError("include url(\"http://example.com/a.conf\")");

        Assert.Contains("url", error.Message, StringComparison.Ordinal);
    }
}
