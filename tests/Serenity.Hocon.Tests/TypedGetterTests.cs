namespace Serenity.Hocon.Tests;

public class TypedGetterTests
{
    private static readonly Config Sample = Hocon.Parse("""
        int = 42
        negative = -7
        long = 9007199254740993
        double = 2.5e-3
        price = 0.1
        fee = 0.2
        precise = 123456789.123456789123
        whole = 3.0
        quoted-number = "17"
        text = hello
        yes = yes
        off = off
        on = on
        no = no
        bool = true
        ints = [1, 2, 3]
        strings = [a, 2, true, "d e"]
        """);

    [Fact]
    public void Integers()
    {
        Assert.Equal(42, Sample.GetInt("int"));
        Assert.Equal(-7, Sample.GetInt("negative"));
        Assert.Equal(17, Sample.GetInt("quoted-number"));
        Assert.Equal(3, Sample.GetInt("whole"));
        Assert.Equal(9_007_199_254_740_993L, Sample.GetLong("long"));
    }

    [Fact]
    public void Int_overflow_is_a_wrong_type()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetInt("long"));

        Assert.Contains("expected an integer, found '9007199254740993'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Doubles() => Assert.Equal(0.0025, Sample.GetDouble("double"));

    [Fact]
    public void Decimals_are_exact()
    {
        var sum = Sample.GetDecimal("price") + Sample.GetDecimal("fee");

        Assert.Equal(0.3m, sum);
        Assert.Equal(123456789.123456789123m, Sample.GetDecimal("precise"));
        Assert.Equal(0.0025m, Sample.GetDecimal("double"));
    }

    [Fact]
    public void Decimal_keeps_the_written_scale() => Assert.Equal("3.0", Sample.GetDecimal("whole").ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Booleans_accept_true_false_on_off_yes_no()
    {
        Assert.True(Sample.GetBoolean("bool"));
        Assert.True(Sample.GetBoolean("yes"));
        Assert.True(Sample.GetBoolean("on"));
        Assert.False(Sample.GetBoolean("off"));
        Assert.False(Sample.GetBoolean("no"));
    }

    [Fact]
    public void Strings_render_numbers_and_booleans_as_written()
    {
        Assert.Equal("hello", Sample.GetString("text"));
        Assert.Equal("2.5e-3", Sample.GetString("double"));
        Assert.Equal("true", Sample.GetString("bool"));
    }

    [Fact]
    public void Lists()
    {
        Assert.Equal([1, 2, 3], Sample.GetIntList("ints"));
        Assert.Equal(["a", "2", "true", "d e"], Sample.GetStringList("strings"));
    }

    [Fact]
    public void Defaults_apply_only_when_missing()
    {
        Assert.Equal("fallback", Sample.GetString("missing", "fallback"));
        Assert.Equal("hello", Sample.GetString("text", "fallback"));
        Assert.Equal(5, Sample.GetInt("missing", 5));
        Assert.Equal(42, Sample.GetInt("int", 5));
        Assert.Equal(6L, Sample.GetLong("missing", 6L));
        Assert.Equal(1.5, Sample.GetDouble("missing", 1.5));
        Assert.Equal(1.25m, Sample.GetDecimal("missing", 1.25m));
        Assert.True(Sample.GetBoolean("missing", true));
        Assert.False(Sample.GetBoolean("bool.deeper", false));
        Assert.Equal(["x"], Sample.GetStringList("missing", ["x"]));
        Assert.Equal(["1", "2", "3"], Sample.GetStringList("ints", ["x"]));
    }

    [Fact]
    public void Default_does_not_hide_a_wrong_type()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetInt("text", 5));

        Assert.Equal("text", error.Path);
    }

    [Fact]
    public void HasPath_is_false_for_missing_and_null()
    {
        var config = Hocon.Parse("a { b = 1, n = null }");

        Assert.True(config.HasPath("a"));
        Assert.True(config.HasPath("a.b"));
        Assert.False(config.HasPath("a.n"));
        Assert.False(config.HasPath("a.c"));
        Assert.False(config.HasPath("a.b.c"));
    }

    [Fact]
    public void Keys_lists_direct_children_in_order()
    {
        var config = Hocon.Parse("z = 1\na { b = 1 }\nm = 2");

        Assert.Equal(["z", "a", "m"], config.Keys);
        Assert.False(config.IsEmpty);
    }

    [Fact]
    public void OriginOf_names_file_and_line()
    {
        var config = ConfigurationFactory.ParseString("a = 1\n\nb {\n  c = 2\n}", "my.conf");

        Assert.Equal("my.conf:1", config.OriginOf("a"));
        Assert.Equal("my.conf:4", config.OriginOf("b.c"));
        Assert.Null(config.OriginOf("missing"));
    }

    [Fact]
    public void OriginOf_a_substituted_value_is_where_the_value_was_written()
    {
        var config = ConfigurationFactory.ParseString("a = 1\nb = ${a}", "my.conf");

        Assert.Equal("my.conf:1", config.OriginOf("b"));
    }
}
