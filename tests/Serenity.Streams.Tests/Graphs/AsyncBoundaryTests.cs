using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Graphs;

public sealed class AsyncBoundaryTests : StreamSpec
{
    [Fact]
    public void Elements_cross_async_boundaries_in_order()
    {
        var result = Await(Source.From(Enumerable.Range(1, 10_000)).Select(x => x + 1).Async().Select(x => x * 2).Async().RunWith(Sink.Seq<int>(), Materializer));
        Assert.Equal(Enumerable.Range(1, 10_000).Select(x => (x + 1) * 2), result);
        AssertAllStagesStopped();
    }

    [Fact]
    public void Islands_run_on_their_own_interpreters()
    {
        var threads = new HashSet<int>();
        var (queue, done) = Source.Queue<int>(10, OverflowStrategy.Backpressure)
            .Select(x =>
            {
                lock (threads) threads.Add(Environment.CurrentManagedThreadId);
                return x;
            })
            .Async()
            .ToMaterialized(Sink.Seq<int>(), Keep.Both)
            .Run(Materializer);
        Assert.Equal(2, Materializer.RunningStreams);
        for (var i = 0; i < 5; i++) Await(queue.OfferAsync(i));
        queue.Complete();
        Assert.Equal([0, 1, 2, 3, 4], Await(done));
        AssertAllStagesStopped();
    }

    [Fact]
    public void Failure_crosses_the_boundary_with_the_original_exception()
    {
        var boom = new TestException("upstream island");
        var task = Source.From([1, 2, 3]).Select(x => x == 3 ? throw boom : x).Async().RunWith(Sink.Seq<int>(), Materializer);
        Assert.Same(boom, AwaitFailure(task));
        AssertAllStagesStopped();
    }

    [Fact]
    public void Cancellation_crosses_the_boundary()
    {
        var source = TestSource.Probe<int>(this).Async().Take(1).To(Sink.Ignore<int>()).Run(Materializer);
        source.ExpectRequest().SendNext(1);
        source.ExpectCancellation();
        AssertAllStagesStopped();
    }

    [Fact]
    public void A_flow_marked_async_runs_separately_inside_a_bigger_graph()
    {
        var flow = Flow.Create<int>().Select(x => x * 3).Async();
        Assert.Equal([3, 6, 9], Await(Source.From([1, 2, 3]).Via(flow).RunWith(Sink.Seq<int>(), Materializer)));
    }

    [Fact]
    public void The_boundary_buffer_size_can_be_set_with_attributes()
    {
        var result = Await(Source.From(Enumerable.Range(1, 1000)).Async().Via(Flow.Create<int>().Select(x => x).WithAttributes(Attributes.CreateInputBuffer(1, 1)))
            .RunWith(Sink.Seq<int>(), Materializer));
        Assert.Equal(Enumerable.Range(1, 1000), result);
    }
}
