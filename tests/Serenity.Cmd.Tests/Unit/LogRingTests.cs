using Serenity.Server.Logging;

namespace Serenity.Cmd.Tests.Unit;

public sealed class LogRingTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void The_ring_keeps_the_newest_lines_up_to_its_capacity()
    {
        var ring = new LogRing(3);
        for (var i = 1; i <= 5; i++) ring.Add(T, "info", "src", "line " + i);
        Assert.Equal(["line 3", "line 4", "line 5"], ring.Peek(10).Select(l => l.Message));
        Assert.Equal(["line 5"], ring.Peek(1).Select(l => l.Message));
        Assert.Equal([3L, 4L, 5L], ring.Peek(10).Select(l => l.Seq));
    }

    [Fact]
    public void Peek_filters_by_least_level()
    {
        var ring = new LogRing(10);
        ring.Add(T, "debug", "s", "d");
        ring.Add(T, "warning", "s", "w");
        ring.Add(T, "error", "s", "e");
        ring.Add(T, "info", "s", "i");
        Assert.Equal(["w", "e"], ring.Peek(10, "warning").Select(l => l.Message));
        Assert.Equal(["e"], ring.Peek(10, "error").Select(l => l.Message));
    }

    [Fact]
    public async Task Follow_yields_the_backlog_then_new_lines_and_ends_quietly_when_cancelled()
    {
        var ring = new LogRing(10);
        ring.Add(T, "info", "s", "old 1");
        ring.Add(T, "info", "s", "old 2");
        using var stop = new CancellationTokenSource();
        var seen = new List<string>();
        var counts = new List<int>();
        ring.SubscribersChanged += counts.Add;
        await using var lines = ring.FollowAsync(1, stop.Token).GetAsyncEnumerator(CancellationToken.None);
        Assert.True(await lines.MoveNextAsync());
        seen.Add(lines.Current.Message);
        ring.Add(T, "info", "s", "new");
        Assert.True(await lines.MoveNextAsync());
        seen.Add(lines.Current.Message);
        var next = lines.MoveNextAsync();
        stop.Cancel();
        Assert.False(await next.AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(["old 2", "new"], seen);
        Assert.Equal(0, ring.SubscriberCount);
        Assert.Equal([1, 0], counts);
    }
}
