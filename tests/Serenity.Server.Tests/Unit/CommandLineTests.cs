using Serenity.Server.Hosting;

namespace Serenity.Server.Tests.Unit;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_prints_the_usage_and_exits_0_without_starting_a_node()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ServerProgram.RunAsync(["--help"], output, error).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("usage:", text, StringComparison.Ordinal);
        foreach (var option in new[] { "--config", "--urls", "--data", "SERENITY_TOKEN_SECRET", "Ctrl-C" }) Assert.Contains(option, text, StringComparison.Ordinal);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task An_unknown_argument_exits_2_with_a_hint()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ServerProgram.RunAsync(["--frobnicate"], output, error).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, code);
        Assert.Contains("unknown argument: --frobnicate", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_setting_stops_start_up_with_the_key()
    {
        using var data = new Support.TempDirectory();
        var file = Path.Combine(data.Path, "bad.conf");
        await File.WriteAllTextAsync(file, "serenity.server.rate-limit.burst = 0\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ServerProgram.RunAsync(["--config", file, "--data", data.Path, "--urls", "http://127.0.0.1:0"], output, error).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, code);
        Assert.Contains("serenity.server.rate-limit.burst", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_parsed()
    {
        var parsed = CommandLine.Parse(["--config", "a.conf", "--urls", "http://127.0.0.1:1", "--data", "d"]);
        Assert.Null(parsed.Error);
        Assert.Equal(new SerenityHostOptions { ConfigFile = "a.conf", Urls = "http://127.0.0.1:1", DataDirectory = "d" }, parsed.Options);
        Assert.Equal("--urls needs a value", CommandLine.Parse(["--urls"]).Error);
    }
}
