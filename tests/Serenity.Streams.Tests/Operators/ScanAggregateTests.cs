using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Operators;

public sealed class ScanAggregateTests : StreamSpec
{
    [Fact]
    public void Scan_emits_zero_then_each_running_result()
    {
        Assert.Equal([0, 1, 3, 6], Await(Source.From([1, 2, 3]).Scan(0, (a, x) => a + x).RunWith(Sink.Seq<int>(), Materializer)));
    }

    [Fact]
    public void Scan_of_an_empty_stream_emits_only_zero()
    {
        Assert.Equal([42], Await(Source.Empty<int>().Scan(42, (a, x) => a + x).RunWith(Sink.Seq<int>(), Materializer)));
    }

    [Fact]
    public void Scan_emits_zero_on_demand_before_upstream_has_anything()
    {
        var (source, sink) = TestSource.Probe<int>(this).Scan(10, (a, x) => a + x).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        Assert.Equal(10, sink.RequestNext());
        sink.Request(1);
        source.ExpectRequest().SendNext(5);
        sink.ExpectNext(15);
    }

    [Fact]
    public void Aggregate_emits_the_fold_when_upstream_completes()
    {
        Assert.Equal(["abc"], Await(Source.From(["a", "b", "c"]).Aggregate("", (a, x) => a + x).RunWith(Sink.Seq<string>(), Materializer)));
        Assert.Equal([0], Await(Source.Empty<int>().Aggregate(0, (a, x) => a + x).RunWith(Sink.Seq<int>(), Materializer)));
    }

    [Fact]
    public void Aggregate_waits_for_demand_to_emit_its_result()
    {
        var (source, sink) = TestSource.Probe<int>(this).Aggregate(0, (a, x) => a + x).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        sink.Request(1);
        source.ExpectRequest().SendNext(1).ExpectRequest().SendNext(2).ExpectRequest().SendComplete();
        sink.ExpectNext(3).ExpectComplete();
    }

    [Fact]
    public void Aggregate_failure_upstream_fails_downstream()
    {
        var boom = new TestException("upstream");
        Assert.Same(boom, AwaitFailure(Source.Failed<int>(boom).Aggregate(0, (a, x) => a + x).RunWith(Sink.Seq<int>(), Materializer)));
    }
}
