namespace Serenity.Hocon.Tests;

public class EmbeddedResourceTests
{
    private const string ResourceName = "Serenity.Hocon.Tests.Resources.embedded.conf";

    [Fact]
    public void Reads_an_embedded_resource_and_its_includes()
    {
        var config = ConfigurationFactory.FromEmbeddedResource(typeof(EmbeddedResourceTests).Assembly, ResourceName);

        Assert.Equal("local", config.GetString("serenity.actor.provider"));
        Assert.Equal(25, config.GetInt("serenity.actor.throughput"));
    }

    [Fact]
    public void Origin_is_the_resource_name()
    {
        var config = ConfigurationFactory.FromEmbeddedResource(typeof(EmbeddedResourceTests).Assembly, ResourceName);

        Assert.Equal(ResourceName + ":3", config.OriginOf("serenity.actor.provider"));
    }

    [Fact]
    public void Missing_resource_is_a_hocon_exception_naming_it()
    {
        var error = Assert.Throws<HoconException>(() =>
            ConfigurationFactory.FromEmbeddedResource(typeof(EmbeddedResourceTests).Assembly, "nope.conf"));

        Assert.Contains("nope.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_a_hocon_exception_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".conf");

        var error = Assert.Throws<HoconException>(() => ConfigurationFactory.ParseFile(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.IsType<FileNotFoundException>(error.InnerException);
    }
}
