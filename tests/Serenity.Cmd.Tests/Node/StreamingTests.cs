using Serenity.Actors;
using Serenity.Cmd.Tests.Support;

namespace Serenity.Cmd.Tests.Node;

/// <summary>Streaming commands: they print as events happen and end cleanly (exit 0) when cancelled, and the node lets go.</summary>
[Collection(NodeCollection.Name)]
public sealed class StreamingTests(NodeFixture node)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Log_tail_prints_recent_then_new_lines_and_ends_cleanly_when_cancelled()
    {
        var id = Guid.NewGuid().ToString("N");
        node.Host.System.Log.Warning("tail-before-" + id);
        var output = new SignalWriter();
        var error = new SignalWriter();
        using var stop = new CancellationTokenSource();
        var left = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Pbm.RunAsync([node.Open.Address, "log", "tail", "--level", "warning"], new PbmIo(output, error, TextReader.Null, false, null), stop.Token);

        await output.WaitForAsync("tail-before-" + id).WaitAsync(Bound);
        node.Host.System.Log.Info("tail-info-" + id);
        node.Host.System.Log.Warning("tail-after-" + id);
        await output.WaitForAsync("tail-after-" + id).WaitAsync(Bound);
        Assert.DoesNotContain("tail-info-" + id, output.Text);

        node.Open.Log.SubscribersChanged += count =>
        {
            if (count == 0) left.TrySetResult();
        };
        stop.Cancel();
        Assert.Equal(ExitCodes.Ok, await run.WaitAsync(Bound));
        await left.Task.WaitAsync(Bound); // the node noticed the client leave and dropped the subscription
        Assert.Equal("", error.Text);
        Assert.Matches(@"\[WARNING\] .*: tail-after-" + id, output.Text);
    }

    [Fact]
    public async Task Log_tail_json_prints_one_json_line_per_log_line()
    {
        var id = Guid.NewGuid().ToString("N");
        var output = new SignalWriter();
        using var stop = new CancellationTokenSource();
        // -n 0: no backlog, so log the line the moment the node has subscribed the stream.
        void Subscribed(int count)
        {
            if (count > 0) node.Host.System.Log.Warning("json-" + id);
        }
        node.Open.Log.SubscribersChanged += Subscribed;
        try
        {
            var run = Pbm.RunAsync([node.Open.Address, "log", "tail", "-n", "0", "--json"], new PbmIo(output, new SignalWriter(), TextReader.Null, false, null), stop.Token);
            await output.WaitForAsync("json-" + id).WaitAsync(Bound);
            stop.Cancel();
            Assert.Equal(ExitCodes.Ok, await run.WaitAsync(Bound));
        }
        finally
        {
            node.Open.Log.SubscribersChanged -= Subscribed;
        }
        var first = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        using var doc = System.Text.Json.JsonDocument.Parse(first);
        foreach (var field in new[] { "seq", "time", "level", "source", "message" }) Assert.True(doc.RootElement.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Cluster_tail_prints_the_current_members_and_ends_cleanly_when_cancelled()
    {
        var output = new SignalWriter();
        using var stop = new CancellationTokenSource();
        var run = Pbm.RunAsync([node.Open.Address, "cluster", "tail"], new PbmIo(output, new SignalWriter(), TextReader.Null, false, null), stop.Token);
        await output.WaitForAsync("MemberUp " + node.Open.Address + " status=up").WaitAsync(Bound);
        stop.Cancel();
        Assert.Equal(ExitCodes.Ok, await run.WaitAsync(Bound));
    }
}
