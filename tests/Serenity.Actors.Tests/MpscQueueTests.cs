using Serenity.Actors;

namespace Serenity.Actors.Tests;

/// <summary>The mailbox queue: FIFO, growth past its first segment and trimming back, per-producer order under concurrency.</summary>
public sealed class MpscQueueTests
{
    [Fact]
    public void Empty_queue_yields_nothing()
    {
        var queue = new MpscQueue<int>();

        Assert.False(queue.HasItems);
        Assert.False(queue.TryDequeue(out _));
    }

    [Fact]
    public void Items_come_out_in_order_across_segment_growth()
    {
        var queue = new MpscQueue<int>();
        for (var i = 0; i < 10_000; i++) queue.Enqueue(i);

        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(queue.TryDequeue(out var item));
            Assert.Equal(i, item);
        }
        Assert.False(queue.HasItems);
    }

    [Fact]
    public void Interleaved_enqueue_and_dequeue_wraps_the_ring_without_losing_items()
    {
        var queue = new MpscQueue<int>();
        var next = 0;
        var expected = 0;
        for (var round = 0; round < 1_000; round++)
        {
            for (var i = 0; i < 5; i++) queue.Enqueue(next++);
            for (var i = 0; i < 4; i++)
            {
                Assert.True(queue.TryDequeue(out var item));
                Assert.Equal(expected++, item);
            }
        }
        while (queue.TryDequeue(out var item)) Assert.Equal(expected++, item);
        Assert.Equal(next, expected);
    }

    [Fact]
    public void A_drained_queue_gives_back_the_ring_of_a_burst_and_keeps_working()
    {
        var queue = new MpscQueue<int>();
        for (var i = 0; i < 10_000; i++) queue.Enqueue(i);
        while (queue.TryDequeue(out _))
        {
        }
        Assert.True(queue.ConsumerSegmentCapacity > MpscQueue<int>.TrimAbove);

        queue.TrimWhenEmpty();
        Assert.False(queue.TryDequeue(out _));

        Assert.True(queue.ConsumerSegmentCapacity <= MpscQueue<int>.TrimAbove);
        for (var i = 0; i < 100; i++) queue.Enqueue(i);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(queue.TryDequeue(out var item));
            Assert.Equal(i, item);
        }
    }

    [Fact]
    public Task Concurrent_producers_keep_their_own_order_and_nothing_is_lost() => AssertConcurrentOrder(trimWhenEmpty: false);

    [Fact]
    public Task Trimming_while_producers_enqueue_keeps_their_order_and_loses_nothing() => AssertConcurrentOrder(trimWhenEmpty: true);

    private static async Task AssertConcurrentOrder(bool trimWhenEmpty)
    {
        const int producers = 4;
        const int perProducer = 200_000;
        var queue = new MpscQueue<(int Producer, int Seq)>();
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, producers).Select(p => Task.Run(() =>
        {
            start.Wait();
            for (var i = 0; i < perProducer; i++) queue.Enqueue((p, i));
        })).ToArray();

        start.Set();
        var last = Enumerable.Repeat(-1, producers).ToArray();
        var received = 0;
        var producing = Task.WhenAll(tasks);
        while (received < producers * perProducer)
        {
            if (queue.TryDequeue(out var item))
            {
                Assert.Equal(last[item.Producer] + 1, item.Seq);
                last[item.Producer] = item.Seq;
                received++;
                continue;
            }
            if (trimWhenEmpty) queue.TrimWhenEmpty();
            if (producing.IsFaulted) await producing;
        }
        await producing;
        Assert.False(queue.TryDequeue(out _));
        Assert.All(last, l => Assert.Equal(perProducer - 1, l));
    }
}
