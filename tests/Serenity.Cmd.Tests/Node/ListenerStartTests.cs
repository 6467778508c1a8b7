using Serenity.Cmd.Tests.Support;
using Serenity.Server.Admin;

namespace Serenity.Cmd.Tests.Node;

/// <summary>When the admin listener must not or cannot start, the node keeps running and says why on its log.</summary>
[Collection(NodeCollection.Name)]
public sealed class ListenerStartTests(NodeFixture node)
{
    [Fact]
    public async Task Beyond_loopback_without_a_token_it_does_not_start_and_logs_why()
    {
        var listener = await node.Host.StartCmdListenerAsync(new CmdSettings { Host = "0.0.0.0", Port = 0 }, new CmdListenerOptions());
        Assert.Null(listener);
        Assert.Contains(node.Open.Log.Peek(50, "error"), l => l.Message.Contains("serenity.cmd.host = 0.0.0.0 is not loopback and SERENITY_ADMIN_TOKEN is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_taken_port_it_does_not_start_and_logs_why()
    {
        var port = int.Parse(node.Open.Address.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        var listener = await node.Host.StartCmdListenerAsync(new CmdSettings { Port = port });
        Assert.Null(listener);
        Assert.Contains(node.Open.Log.Peek(50, "error"), l => l.Message.Contains($"cannot listen on 127.0.0.1:{port}", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Ok, (await PbmRun.RunAsync([node.Open.Address, "actor", "system"])).ExitCode); // the first one still answers
    }

    [Fact]
    public async Task Switched_off_it_does_not_start() =>
        Assert.Null(await node.Host.StartCmdListenerAsync(new CmdSettings { Enabled = false, Port = 0 }));
}
