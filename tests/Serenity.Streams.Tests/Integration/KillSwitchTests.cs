using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Integration;

public sealed class KillSwitchTests : StreamSpec
{
    [Fact]
    public void Shutdown_completes_downstream_and_cancels_upstream()
    {
        var ((source, killSwitch), sink) = TestSource.Probe<int>(this).ViaMaterialized(KillSwitches.Single<int>(), Keep.Both)
            .ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        sink.Request(1);
        source.ExpectRequest().SendNext(1);
        sink.ExpectNext(1);
        killSwitch.Shutdown();
        sink.ExpectComplete();
        source.ExpectCancellation();
        AssertAllStagesStopped();
    }

    [Fact]
    public void Abort_fails_downstream_with_the_cause()
    {
        var ((source, killSwitch), sink) = TestSource.Probe<int>(this).ViaMaterialized(KillSwitches.Single<int>(), Keep.Both)
            .ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        var boom = new TestException("abort");
        killSwitch.Abort(boom);
        Assert.Same(boom, sink.ExpectError());
        Assert.Same(boom, source.ExpectCancellation());
    }

    [Fact]
    public void A_shared_kill_switch_stops_every_stream_it_is_in()
    {
        var shared = KillSwitches.Shared("ticks");
        var first = Source.Never<int>().Via(shared.Flow<int>()).RunWith(Sink.Seq<int>(), Materializer);
        var second = Source.Repeat(1).Via(shared.Flow<int>()).RunWith(Sink.Ignore<int>(), Materializer);
        shared.Shutdown();
        Assert.Empty(Await(first));
        Await(second);
        // A stream materialized after the switch was pulled stops at once.
        Assert.Empty(Await(Source.Never<int>().Via(shared.Flow<int>()).RunWith(Sink.Seq<int>(), Materializer)));
        AssertAllStagesStopped();
    }
}
