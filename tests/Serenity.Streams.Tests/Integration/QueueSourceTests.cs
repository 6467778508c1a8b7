using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Integration;

public sealed class QueueSourceTests : StreamSpec
{
    [Fact]
    public void Offers_are_enqueued_and_emitted_on_demand()
    {
        var (queue, sink) = Source.Queue<int>(10, OverflowStrategy.DropNew).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        Assert.IsType<QueueOfferResult.Enqueued>(Await(queue.OfferAsync(1)));
        Assert.IsType<QueueOfferResult.Enqueued>(Await(queue.OfferAsync(2)));
        sink.Request(2).ExpectNext(1, 2);
        queue.Complete();
        sink.ExpectComplete();
        Await(queue.WatchCompletionAsync());
    }

    [Fact]
    public void A_full_queue_with_DropNew_answers_Dropped()
    {
        var (queue, sink) = Source.Queue<int>(2, OverflowStrategy.DropNew).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        Await(queue.OfferAsync(1));
        Await(queue.OfferAsync(2));
        Assert.IsType<QueueOfferResult.Dropped>(Await(queue.OfferAsync(3)));
        sink.Request(3).ExpectNext(1, 2);
    }

    [Fact]
    public void A_full_queue_with_DropHead_keeps_the_newest()
    {
        var (queue, sink) = Source.Queue<int>(2, OverflowStrategy.DropHead).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        for (var i = 1; i <= 4; i++) Assert.IsType<QueueOfferResult.Enqueued>(Await(queue.OfferAsync(i)));
        sink.Request(2).ExpectNext(3, 4);
    }

    [Fact]
    public void A_full_queue_with_Fail_fails_the_stream()
    {
        var (queue, sink) = Source.Queue<int>(1, OverflowStrategy.Fail).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        Await(queue.OfferAsync(1));
        var result = Assert.IsType<QueueOfferResult.Failure>(Await(queue.OfferAsync(2)));
        Assert.IsType<BufferOverflowException>(result.Cause);
        Assert.IsType<BufferOverflowException>(sink.ExpectError());
        Assert.IsType<BufferOverflowException>(AwaitFailure(queue.WatchCompletionAsync()));
    }

    [Fact]
    public void Backpressure_makes_an_offer_wait_for_room_and_allows_one_waiting_offer()
    {
        var (queue, sink) = Source.Queue<int>(1, OverflowStrategy.Backpressure).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        Await(queue.OfferAsync(1));
        var waiting = queue.OfferAsync(2);
        Assert.False(waiting.IsCompleted);
        Assert.IsType<InvalidOperationException>(AwaitFailure(queue.OfferAsync(3)));
        sink.Request(1).ExpectNext(1);
        Assert.IsType<QueueOfferResult.Enqueued>(Await(waiting));
        sink.Request(1).ExpectNext(2);
    }

    [Fact]
    public void Offers_after_completion_answer_QueueClosed()
    {
        var (queue, sink) = Source.Queue<int>(5, OverflowStrategy.DropNew).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        sink.Cancel();
        Await(queue.WatchCompletionAsync());
        Assert.IsType<QueueOfferResult.QueueClosed>(Await(queue.OfferAsync(1)));
    }

    [Fact]
    public void Completion_emits_what_is_buffered_first()
    {
        var (queue, result) = Source.Queue<int>(5, OverflowStrategy.DropNew).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);
        Await(queue.OfferAsync(1));
        Await(queue.OfferAsync(2));
        queue.Complete();
        Assert.Equal([1, 2], Await(result));
    }

    [Fact]
    public void Fail_fails_the_stream()
    {
        var (queue, result) = Source.Queue<int>(5, OverflowStrategy.DropNew).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);
        var boom = new TestException("queue");
        queue.Fail(boom);
        Assert.Same(boom, AwaitFailure(result));
    }

    [Fact]
    public void Offers_from_many_threads_all_arrive()
    {
        var (queue, result) = Source.Queue<int>(10_000, OverflowStrategy.Backpressure).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);
        Parallel.For(0, 4, t =>
        {
            for (var i = 0; i < 1000; i++) Await(queue.OfferAsync(t * 1000 + i));
        });
        queue.Complete();
        Assert.Equal(Enumerable.Range(0, 4000), Await(result).OrderBy(x => x));
    }
}
