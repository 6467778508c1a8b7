using Serenity.Cmd.Tests.Support;

namespace Serenity.Cmd.Tests.Node;

/// <summary>The admin token, unreachable nodes, and bad command lines.</summary>
[Collection(NodeCollection.Name)]
public sealed class AccessTests(NodeFixture node)
{
    [Fact]
    public async Task A_listener_that_requires_the_token_refuses_a_missing_one_with_exit_1()
    {
        var run = await PbmRun.RunAsync([node.Guarded.Address, "actor", "system"]);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("pbm: actor system failed: the admin token is missing or wrong (set SERENITY_ADMIN_TOKEN", run.Error);
    }

    [Fact]
    public async Task A_listener_that_requires_the_token_refuses_a_wrong_one_and_accepts_the_right_one()
    {
        var wrong = await PbmRun.RunAsync([node.Guarded.Address, "journal", "stats"], token: "not-it");
        Assert.Equal(ExitCodes.Failed, wrong.ExitCode);
        Assert.Contains("the admin token is missing or wrong", wrong.Error);
        var right = await PbmRun.RunAsync([node.Guarded.Address, "journal", "stats"], token: NodeFixture.Token);
        Assert.Equal(ExitCodes.Ok, right.ExitCode);
        Assert.Contains("sqlite", right.Out);
    }

    [Fact]
    public async Task A_streaming_command_is_refused_too()
    {
        var run = await PbmRun.RunAsync([node.Guarded.Address, "log", "tail"]);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("the admin token is missing or wrong", run.Error);
    }

    [Fact]
    public async Task A_node_nobody_listens_on_is_unreachable_with_exit_3()
    {
        var run = await PbmRun.RunAsync([ClosedPort.Address(), "actor", "system"]);
        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Matches(@"pbm: actor system: cannot reach the node at 127\.0\.0\.1:\d+: .*refused", run.Error);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("bogus system", "'bogus' is not a palette; expected one of: actor, cluster")]
    [InlineData("actor bogus", "'bogus' is not a command of 'actor'; expected one of: system, hierarchy")]
    [InlineData("actor hierarchy --bogus", "unknown option '--bogus' for 'actor hierarchy'; expected: -d|--depth <n>")]
    [InlineData("actor hierarchy -d 99", "option '-d' of 'actor hierarchy': expected a whole number from 1 to 8, not '99'")]
    [InlineData("cluster-sharding region-stats", "'cluster-sharding region-stats' needs -r|--region <type>")]
    [InlineData("account show", "'account show' needs <user>")]
    [InlineData("log peek --level loud", "expected one of debug, info, warning, error, not 'loud'")]
    public async Task A_bad_command_line_exits_2_with_what_was_expected(string command, string expected)
    {
        var run = await PbmRun.RunAsync([node.Open.Address, .. command.Split(' ')]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Contains("Run 'pbm help'", run.Error);
    }

    [Fact]
    public async Task A_bad_address_exits_2()
    {
        var run = await PbmRun.RunAsync(["127.0.0.1:notaport", "actor", "system"]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'127.0.0.1:notaport' is not a node address: expected host:port", run.Error);
    }
}
