namespace Serenity.Hocon.Tests;

public sealed class EnvironmentVariableTests : IDisposable
{
    private readonly string _name = "SERENITY_HOCON_TEST_" + Guid.NewGuid().ToString("N").ToUpperInvariant();

    public EnvironmentVariableTests() => Environment.SetEnvironmentVariable(_name, "from-env");

    public void Dispose() => Environment.SetEnvironmentVariable(_name, null);

    [Fact]
    public void Optional_substitution_reads_an_environment_variable()
    {
        var config = Hocon.Parse($"key = default\nkey = ${{?{_name}}}");

        Assert.Equal("from-env", config.GetString("key"));
    }

    [Fact]
    public void Required_substitution_reads_an_environment_variable()
    {
        var config = Hocon.Parse($"key = prefix-${{{_name}}}");

        Assert.Equal("prefix-from-env", config.GetString("key"));
    }

    [Fact]
    public void Config_value_takes_precedence_over_the_environment()
    {
        var config = Hocon.Parse($"{_name} = from-config\nkey = ${{{_name}}}");

        Assert.Equal("from-config", config.GetString("key"));
    }

    [Fact]
    public void Missing_environment_variable_keeps_the_default()
    {
        var config = Hocon.Parse($"key = default\nkey = ${{?{_name}_MISSING}}");

        Assert.Equal("default", config.GetString("key"));
    }

    [Fact]
    public void Self_reference_with_the_same_name_falls_back_to_the_environment()
    {
        var config = Hocon.Parse($"{_name} = ${{?{_name}}}");

        Assert.Equal("from-env", config.GetString(_name));
    }
}
