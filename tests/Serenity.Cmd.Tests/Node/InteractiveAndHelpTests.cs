using Serenity.Cmd.Tests.Support;

namespace Serenity.Cmd.Tests.Node;

/// <summary>The interactive prompt (reading lines, as when input is redirected) and the help texts.</summary>
[Collection(NodeCollection.Name)]
public sealed class InteractiveAndHelpTests(NodeFixture node)
{
    [Fact]
    public async Task The_prompt_runs_commands_until_exit_and_reports_mistakes_without_leaving()
    {
        var run = await PbmRun.RunAsync([node.Open.Address], input: "actor system\n\ncluster bogus\ncluster leader --json\nexit\njournal stats\n");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains($"Connected to {node.Open.Address} (actor system serenity)", run.Out);
        Assert.Contains($"pbm {node.Open.Address}> ", run.Out);
        Assert.Matches(@"Actor system:\s+serenity", run.Out);
        Assert.Contains($"\"leader\": \"{node.Open.Address}\"", run.Out);
        Assert.Contains("'bogus' is not a command of 'cluster'", run.Error);
        Assert.DoesNotContain("Plugin:", run.Out); // after exit nothing more runs
    }

    [Fact]
    public async Task The_prompt_ends_at_the_end_of_input()
    {
        var run = await PbmRun.RunAsync([node.Open.Address], input: "help\n");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("cluster-sharding", run.Out);
    }

    [Fact]
    public async Task The_prompt_against_an_unreachable_node_exits_3()
    {
        var run = await PbmRun.RunAsync([ClosedPort.Address()], input: "actor system\n");
        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains("cannot reach the node at 127.0.0.1:", run.Error);
    }

    [Fact]
    public async Task The_prompt_against_a_node_that_refuses_the_token_exits_1()
    {
        var run = await PbmRun.RunAsync([node.Guarded.Address], input: "actor system\n");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("the admin token is missing or wrong", run.Error);
    }

    [Fact]
    public async Task Help_lists_every_palette_and_palette_help_its_commands()
    {
        var help = await PbmRun.RunAsync(["help"]);
        Assert.Equal(ExitCodes.Ok, help.ExitCode);
        foreach (var palette in new[] { "actor", "cluster", "cluster-sharding", "market-data", "journal", "account", "portfolio", "risk", "log" })
        {
            Assert.Matches($@"(?m)^{palette}\s", help.Out);
        }
        Assert.Contains("Exit codes: 0 ok, 1 command failed, 2 bad usage, 3 node unreachable.", help.Out);
        var cluster = await PbmRun.RunAsync(["cluster", "help"]);
        Assert.Equal(ExitCodes.Ok, cluster.ExitCode);
        foreach (var command in new[] { "show", "status", "leader", "join <address>", "leave <address>", "down <address>", "down-unreachable", "tail" })
        {
            Assert.Contains("cluster " + command, cluster.Out);
        }
        var command2 = await PbmRun.RunAsync(["log", "peek", "--help"]);
        Assert.Contains("usage: pbm [host:port] log peek [-l|--level <level>] [-n|--count <n>] [--json]", command2.Out);
        Assert.Contains("debug, info, warning, error", command2.Out);
    }
}
