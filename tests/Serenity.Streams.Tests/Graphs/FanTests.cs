using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Graphs;

public sealed class FanTests : StreamSpec
{
    [Fact]
    public void Broadcast_sends_every_element_to_every_output()
    {
        var graph = GraphDsl.Create(Sink.Seq<int>(), Sink.Seq<int>(), Keep.Both, (b, left, right) =>
        {
            var broadcast = b.Add(new Broadcast<int>(2));
            b.From(Source.From([1, 2, 3])).To(broadcast);
            b.From(broadcast.Out(0)).To(left);
            b.From(broadcast).Via(Flow.Create<int>().Select(x => x * 10)).To(right);
            return ClosedShape.Instance;
        });
        var (a, c) = RunnableGraph.FromGraph(graph).Run(Materializer);
        Assert.Equal([1, 2, 3], Await(a));
        Assert.Equal([10, 20, 30], Await(c));
        AssertAllStagesStopped();
    }

    [Fact]
    public void Broadcast_goes_at_the_pace_of_the_slowest_output()
    {
        var graph = GraphDsl.Create(TestSink.Probe<int>(this), TestSink.Probe<int>(this), Keep.Both, (b, left, right) =>
        {
            var broadcast = b.Add(new Broadcast<int>(2));
            b.From(Source.From(Enumerable.Range(1, 100))).To(broadcast);
            b.From(broadcast).To(left);
            b.From(broadcast).To(right);
            return ClosedShape.Instance;
        });
        var (fast, slow) = RunnableGraph.FromGraph(graph).Run(Materializer);
        fast.Request(10);
        slow.Request(1);
        fast.ExpectNext(1);
        slow.ExpectNext(1);
        fast.ExpectNoMsg(TimeSpan.FromMilliseconds(50)); // the slow output has no demand: nobody gets element 2
        slow.Request(1);
        slow.ExpectNext(2);
        fast.ExpectNext(2);
    }

    [Fact]
    public void Broadcast_keeps_going_when_one_output_cancels()
    {
        var graph = GraphDsl.Create(Sink.Seq<int>(), (b, all) =>
        {
            var broadcast = b.Add(new Broadcast<int>(2));
            b.From(Source.From(Enumerable.Range(1, 10))).To(broadcast);
            b.From(broadcast).Via(Flow.Create<int>().Take(2)).To(Sink.Ignore<int>());
            b.From(broadcast).To(all);
            return ClosedShape.Instance;
        });
        Assert.Equal(Enumerable.Range(1, 10), Await(RunnableGraph.FromGraph(graph).Run(Materializer)));
    }

    [Fact]
    public void Merge_takes_elements_from_every_input_and_completes_after_all()
    {
        var graph = GraphDsl.Create(Sink.Seq<int>(), (b, sink) =>
        {
            var merge = b.Add(new Merge<int>(3));
            b.From(Source.From([1, 2, 3])).To(merge);
            b.From(Source.From([10, 20])).To(merge);
            b.From(Source.Empty<int>()).To(merge);
            b.From(merge).To(sink);
            return ClosedShape.Instance;
        });
        Assert.Equal([1, 2, 3, 10, 20], Await(RunnableGraph.FromGraph(graph).Run(Materializer)).OrderBy(x => x));
    }

    [Fact]
    public void A_diamond_broadcast_then_merge()
    {
        var flow = Flow.FromGraph(GraphDsl.Create(b =>
        {
            var broadcast = b.Add(new Broadcast<int>(2));
            var merge = b.Add(new Merge<int>(2));
            b.From(broadcast).Via(Flow.Create<int>().Select(x => x + 1000)).To(merge);
            b.From(broadcast).To(merge);
            return new FlowShape<int, int>(broadcast.In, merge.Out);
        }));
        var result = Await(Source.From(Enumerable.Range(1, 50)).Via(flow).RunWith(Sink.Seq<int>(), Materializer));
        Assert.Equal(Enumerable.Range(1, 50).Concat(Enumerable.Range(1001, 50)), result.OrderBy(x => x));
    }

    [Fact]
    public void Source_Merge_and_AlsoTo()
    {
        Assert.Equal([1, 2, 3, 4], Await(Source.From([1, 2]).Merge(Source.From([3, 4])).RunWith(Sink.Seq<int>(), Materializer)).OrderBy(x => x));
        var side = new List<int>();
        var main = Await(Source.From([1, 2, 3]).AlsoTo(Sink.ForEach<int>(x =>
        {
            lock (side) side.Add(x);
        })).RunWith(Sink.Seq<int>(), Materializer));
        Assert.Equal([1, 2, 3], main);
        AssertAllStagesStopped();
        Assert.Equal([1, 2, 3], side);
    }

    [Fact]
    public void A_failure_in_one_branch_fails_the_merge()
    {
        var boom = new TestException("branch");
        var task = Source.From([1, 2]).Merge(Source.Failed<int>(boom)).RunWith(Sink.Seq<int>(), Materializer);
        Assert.Same(boom, AwaitFailure(task));
    }

    [Fact]
    public void Unconnected_ports_are_rejected_clearly()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GraphDsl.Create(b =>
        {
            var broadcast = b.Add(new Broadcast<int>(2));
            b.From(Source.Single(1)).To(broadcast);
            b.From(broadcast).To(Sink.Ignore<int>());
            return ClosedShape.Instance;
        }));
        Assert.Contains("Broadcast.out1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_cannot_be_connected_twice()
    {
        Assert.Throws<ArgumentException>(() => GraphDsl.Create(b =>
        {
            var merge = b.Add(new Merge<int>(1));
            var source = b.Add(Source.Single(1));
            b.From(source).To(merge.In(0));
            b.From(source).To(merge.In(0));
            return ClosedShape.Instance;
        }));
    }
}
