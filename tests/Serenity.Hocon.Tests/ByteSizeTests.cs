namespace Serenity.Hocon.Tests;

public class ByteSizeTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("512", 512L)]
    [InlineData("512B", 512L)]
    [InlineData("512 bytes", 512L)]
    [InlineData("1 byte", 1L)]
    [InlineData("10kB", 10_000L)]
    [InlineData("10KB", 10_000L)]
    [InlineData("10 kilobytes", 10_000L)]
    [InlineData("10K", 10_240L)]
    [InlineData("10k", 10_240L)]
    [InlineData("10Ki", 10_240L)]
    [InlineData("10KiB", 10_240L)]
    [InlineData("10 kibibytes", 10_240L)]
    [InlineData("1.5K", 1_536L)]
    [InlineData("2MB", 2_000_000L)]
    [InlineData("2 megabytes", 2_000_000L)]
    [InlineData("2M", 2_097_152L)]
    [InlineData("2m", 2_097_152L)]
    [InlineData("2MiB", 2_097_152L)]
    [InlineData("2 mebibytes", 2_097_152L)]
    [InlineData("3GB", 3_000_000_000L)]
    [InlineData("3G", 3_221_225_472L)]
    [InlineData("3g", 3_221_225_472L)]
    [InlineData("3GiB", 3_221_225_472L)]
    [InlineData("1TB", 1_000_000_000_000L)]
    [InlineData("1T", 1_099_511_627_776L)]
    [InlineData("1TiB", 1_099_511_627_776L)]
    [InlineData("1PiB", 1_125_899_906_842_624L)]
    [InlineData("1 exbibyte", 1_152_921_504_606_846_976L)]
    public void Size_units(string text, long bytes) =>
        Assert.Equal(bytes, Hocon.Parse($"s = {text}").GetByteSize("s"));

    [Theory]
    [InlineData("10 parsecs")]
    [InlineData("16EiB")]
    [InlineData("K")]
    public void Invalid_sizes_are_config_errors(string text)
    {
        var error = Assert.Throws<ConfigException>(() => Hocon.Parse($"s = {text}").GetByteSize("s"));

        Assert.Contains("expected a size in bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_size_uses_the_default() =>
        Assert.Equal(64L, Hocon.Parse("a = 1").GetByteSize("s", 64));
}
