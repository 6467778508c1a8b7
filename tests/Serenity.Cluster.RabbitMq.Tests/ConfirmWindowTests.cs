using Serenity.Cluster.RabbitMq.Transport;

namespace Serenity.Cluster.RabbitMq.Tests;

/// <summary>
/// The publish pump waits for room among the unconfirmed publishes (so messages queued meanwhile travel batched):
/// room opens only when the broker's confirms (single or multiple), or a closed channel, bring the count below the limit.
/// </summary>
public sealed class ConfirmWindowTests
{
    [Fact]
    public void Below_the_limit_there_is_room_at_once()
    {
        var confirms = new ConfirmTracker();
        confirms.Register(1, null);

        Assert.True(confirms.RoomAsync(2).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task At_the_limit_room_opens_with_the_confirm_that_brings_the_count_below_it()
    {
        var confirms = new ConfirmTracker();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (ulong tag = 1; tag <= 3; tag++) confirms.Register(tag, tag == 1 ? first : null);

        var room = confirms.RoomAsync(2);
        Assert.False(room.IsCompleted);
        confirms.Ack(3, multiple: false); // 2 still waiting: still no room
        Assert.False(room.IsCompleted);
        confirms.Ack(1, multiple: true);

        await room.WaitAsync(TimeSpan.FromSeconds(10));
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, confirms.Count);
    }

    [Fact]
    public async Task A_closed_channel_opens_room_and_fails_what_was_waiting()
    {
        var confirms = new ConfirmTracker();
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        confirms.Register(1, waiting);
        var room = confirms.RoomAsync(1);

        confirms.FailAll("connection lost");

        await room.WaitAsync(TimeSpan.FromSeconds(10));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => waiting.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("connection lost", e.Message, StringComparison.Ordinal);
    }
}
