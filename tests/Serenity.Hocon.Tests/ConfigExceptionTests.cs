namespace Serenity.Hocon.Tests;

public class ConfigExceptionTests
{
    private static readonly Config Sample = ConfigurationFactory.ParseString(
        "serenity.actor {\n  provider = local\n  default-dispatcher {\n    throughput = abc\n  }\n  list = [1, x]\n}",
        "hocon/serenity.conf");

    [Fact]
    public void Missing_required_value_names_the_path()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetString("serenity.actor.foo"));

        Assert.Equal("serenity.actor.foo", error.Path);
        Assert.Contains("serenity.actor.foo", error.Message, StringComparison.Ordinal);
        Assert.IsType<HoconException>(error, exactMatch: false);
    }

    [Fact]
    public void Wrong_type_names_path_origin_value_and_expectation()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetInt("serenity.actor.default-dispatcher.throughput"));

        Assert.Equal(
            "serenity.actor.default-dispatcher.throughput at hocon/serenity.conf:4: expected an integer, found 'abc'",
            error.Message);
        Assert.Equal("serenity.actor.default-dispatcher.throughput", error.Path);
    }

    [Fact]
    public void Errors_from_a_sub_config_use_the_full_path()
    {
        var dispatcher = Sample.GetConfig("serenity.actor").GetConfig("default-dispatcher");

        var wrong = Assert.Throws<ConfigException>(() => dispatcher.GetInt("throughput"));
        var missing = Assert.Throws<ConfigException>(() => dispatcher.GetInt("nope"));

        Assert.StartsWith("serenity.actor.default-dispatcher.throughput at hocon/serenity.conf:4:", wrong.Message, StringComparison.Ordinal);
        Assert.Equal("serenity.actor.default-dispatcher.nope", missing.Path);
    }

    [Fact]
    public void Wrong_type_for_objects_and_lists()
    {
        var notString = Assert.Throws<ConfigException>(() => Sample.GetString("serenity.actor"));
        var notList = Assert.Throws<ConfigException>(() => Sample.GetStringList("serenity.actor.provider"));
        var badElement = Assert.Throws<ConfigException>(() => Sample.GetIntList("serenity.actor.list"));
        var notObject = Assert.Throws<ConfigException>(() => Sample.GetConfig("serenity.actor.provider"));

        Assert.Equal("serenity.actor at hocon/serenity.conf:1: expected a string, found an object", notString.Message);
        Assert.Contains("expected a list of strings, found 'local'", notList.Message, StringComparison.Ordinal);
        Assert.Equal("serenity.actor.list.1 at hocon/serenity.conf:6: expected an integer, found 'x'", badElement.Message);
        Assert.Contains("expected an object", notObject.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Boolean_wrong_type_lists_accepted_words()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetBoolean("serenity.actor.provider"));

        Assert.Contains("true/false, on/off, yes/no", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_path_is_a_config_error()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetString("a..b"));

        Assert.Contains("not a valid path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_list_is_an_error()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetStringList("serenity.nope"));

        Assert.Equal("serenity.nope", error.Path);
    }
}
