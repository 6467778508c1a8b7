using System.Diagnostics;
using Serenity.Cmd.Tests.Support;

namespace Serenity.Cmd.Tests.Node;

/// <summary>pbm as its own process (the built tool), against the node: exit codes and plain output when redirected.</summary>
[Collection(NodeCollection.Name)]
public sealed class ProcessTests(NodeFixture node)
{
    [Fact]
    public async Task The_tool_process_answers_and_exits_0_with_no_ansi_codes()
    {
        var (code, output, _) = await RunAsync(node.Open.Address, "cluster", "show");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Count: 1 nodes", output);
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public async Task The_tool_process_exits_3_for_an_unreachable_node_and_2_for_bad_usage()
    {
        var (unreachable, _, error) = await RunAsync(ClosedPort.Address(), "actor", "system");
        Assert.Equal(ExitCodes.Unreachable, unreachable);
        Assert.Contains("cannot reach the node", error);
        var (usage, _, usageError) = await RunAsync("actor", "nope");
        Assert.Equal(ExitCodes.Usage, usage);
        Assert.Contains("'nope' is not a command of 'actor'", usageError);
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "Serenity.Cmd.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(tool);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("SERENITY_ADMIN_TOKEN");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await error);
    }
}
