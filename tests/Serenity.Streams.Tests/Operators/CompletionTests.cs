using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Operators;

public sealed class CompletionTests : StreamSpec
{
    [Fact]
    public void Completion_propagates_downstream_after_the_elements()
    {
        var (source, sink) = TestSource.Probe<int>(this).Select(x => x + 1).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        sink.Request(2);
        source.ExpectRequest().SendNext(1);
        sink.ExpectNext(2);
        source.ExpectRequest().SendComplete();
        sink.ExpectComplete();
        AssertAllStagesStopped();
    }

    [Fact]
    public void Failure_propagates_downstream_with_the_same_exception()
    {
        var (source, sink) = TestSource.Probe<int>(this).Select(x => x).Where(_ => true).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        var boom = new TestException("upstream");
        sink.Request(1);
        source.ExpectRequest();
        source.SendError(boom);
        Assert.Same(boom, sink.ExpectError());
        AssertAllStagesStopped();
    }

    [Fact]
    public void Cancellation_propagates_upstream()
    {
        var (source, sink) = TestSource.Probe<int>(this).Select(x => x).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        sink.Request(1);
        source.ExpectRequest();
        sink.Cancel();
        Assert.IsType<SubscriptionWithCancelException>(source.ExpectCancellation());
        AssertAllStagesStopped();
    }

    [Fact]
    public void A_failing_stage_cancels_upstream_with_the_failure_as_cause()
    {
        var boom = new TestException("stage");
        var (source, sink) = TestSource.Probe<int>(this).Select<int, int, SourceProbe<int>>(_ => throw boom).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        sink.Request(1);
        source.ExpectRequest().SendNext(1);
        Assert.Same(boom, sink.ExpectError());
        Assert.Same(boom, source.ExpectCancellation());
    }

    [Fact]
    public void Take_completes_downstream_and_cancels_upstream()
    {
        var (source, sink) = TestSource.Probe<int>(this).Take(2).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        sink.Request(5);
        source.ExpectRequest().SendNext(1).ExpectRequest().SendNext(2);
        sink.ExpectNext(1, 2).ExpectComplete();
        source.ExpectCancellation();
    }

    [Fact]
    public void Sink_Cancelled_cancels_at_once()
    {
        var source = TestSource.Probe<int>(this).To(Sink.Cancelled<int>()).Run(Materializer);
        source.ExpectCancellation();
        AssertAllStagesStopped();
    }

    [Fact]
    public void No_element_is_pushed_without_demand()
    {
        var (source, sink) = TestSource.Probe<int>(this).Select(x => x).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        source.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        sink.Request(1);
        source.ExpectRequest().SendNext(1);
        sink.ExpectNext(1);
        source.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }
}
