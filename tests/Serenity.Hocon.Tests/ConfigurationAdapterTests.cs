using Microsoft.Extensions.Configuration;

namespace Serenity.Hocon.Tests;

public sealed class ConfigurationAdapterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Hocon_file_keys_map_to_colon_separated_keys()
    {
        var path = _folder.Write("serenity.conf", """
            serenity.actor {
              provider = local
              seeds = ["a:1", "b:2"]
              dispatcher { throughput = 10 }
            }
            """);

        var configuration = new ConfigurationBuilder().AddHoconFile(path).Build();

        Assert.Equal("local", configuration["serenity:actor:provider"]);
        Assert.Equal("a:1", configuration["serenity:actor:seeds:0"]);
        Assert.Equal("b:2", configuration["serenity:actor:seeds:1"]);
        Assert.Equal("10", configuration["serenity:actor:dispatcher:throughput"]);
        Assert.Equal("local", configuration["SERENITY:ACTOR:PROVIDER"]);
    }

    [Fact]
    public void Section_children_can_be_read_and_bound()
    {
        var config = Hocon.Parse("dispatcher { throughput = 10, name = fast, enabled = true, timeout = \"00:00:05\" }");

        var section = new ConfigurationBuilder().AddHocon(config).Build().GetSection("dispatcher");
        var settings = section.Get<DispatcherSettings>()!;

        Assert.Equal(["enabled", "name", "throughput", "timeout"], section.GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(10, settings.Throughput);
        Assert.Equal("fast", settings.Name);
        Assert.True(settings.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Timeout);
    }

    [Fact]
    public void Optional_missing_file_adds_nothing()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconFile(Path.Combine(_folder.Path, "missing.conf"), optional: true)
            .Build();

        Assert.Empty(configuration.AsEnumerable());
    }

    [Fact]
    public void Required_missing_file_fails_on_build()
    {
        var builder = new ConfigurationBuilder().AddHoconFile(Path.Combine(_folder.Path, "missing.conf"));

        var error = Assert.Throws<HoconException>(() => builder.Build());

        Assert.Contains("missing.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_sources_override_hocon_values()
    {
        var configuration = new ConfigurationBuilder()
            .AddHocon(Hocon.Parse("a.b = 1\na.c = 2"))
            .AddInMemoryCollection([new KeyValuePair<string, string?>("a:b", "override")])
            .Build();

        Assert.Equal("override", configuration["a:b"]);
        Assert.Equal("2", configuration["a:c"]);
    }

    [Fact]
    public void Relative_path_uses_the_builder_base_path()
    {
        _folder.Write("relative.conf", "x = 1");
        var builder = new ConfigurationBuilder();
        builder.Properties["BasePath"] = _folder.Path;

        var configuration = builder.AddHoconFile("relative.conf").Build();

        Assert.Equal("1", configuration["x"]);
    }

    [Fact]
    public void Source_without_path_or_config_is_rejected()
    {
        var builder = new ConfigurationBuilder().Add(new HoconConfigurationSource());

        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    private sealed class DispatcherSettings
    {
        public int Throughput { get; set; }

        public string Name { get; set; } = "";

        public bool Enabled { get; set; }

        public TimeSpan Timeout { get; set; }
    }
}
