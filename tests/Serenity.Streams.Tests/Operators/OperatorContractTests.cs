using Serenity.Streams.Dsl;
using Serenity.Streams.FairBucket;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Operators;

/// <summary>
/// What every operator owes its neighbours: upstream completion completes downstream, upstream failure
/// fails downstream with the same exception, and downstream cancellation cancels upstream.
/// </summary>
public sealed class OperatorContractTests : StreamSpec
{
    private static readonly Dictionary<string, Func<Flow<int, object, NotUsed>>> Operators = new(StringComparer.Ordinal)
    {
        ["Select"] = () => Flow.Create<int>().Select(x => (object)x),
        ["Where"] = () => Flow.Create<int>().Where(_ => true).Select(x => (object)x),
        ["Scan"] = () => Flow.Create<int>().Scan(0, (a, x) => a + x).Select(x => (object)x),
        ["Aggregate"] = () => Flow.Create<int>().Aggregate(0, (a, x) => a + x).Select(x => (object)x),
        ["Grouped"] = () => Flow.Create<int>().Grouped(3).Select(x => (object)x),
        ["GroupedWithin"] = () => Flow.Create<int>().GroupedWithin(3, TimeSpan.FromSeconds(1)).Select(x => (object)x),
        ["Buffer"] = () => Flow.Create<int>().Buffer(4, OverflowStrategy.Backpressure).Select(x => (object)x),
        ["Conflate"] = () => Flow.Create<int>().Conflate((a, x) => a + x).Select(x => (object)x),
        ["Throttle"] = () => Flow.Create<int>().Throttle(1, TimeSpan.FromSeconds(1), 1, ThrottleMode.Shaping).Select(x => (object)x),
        ["SelectAsync"] = () => Flow.Create<int>().SelectAsync(2, x => Task.FromResult((object)x)),
        ["SelectAsyncUnordered"] = () => Flow.Create<int>().SelectAsyncUnordered(2, x => Task.FromResult((object)x)),
        ["Take"] = () => Flow.Create<int>().Take(100).Select(x => (object)x),
        ["KillSwitch"] = () => Flow.Create<int>().Via(KillSwitches.Single<int>()).Select(x => (object)x),
        ["GroupBy"] = () => Flow.Create<int>().GroupBy(10, x => x % 3).Select(x => (object)x).MergeSubstreams(),
        ["MergeMany"] = () => Flow.Create<int>().MergeMany(2, x => Source.Single((object)x)),
        ["Merge"] = () => Flow.Create<int>().Merge(Source.Empty<int>()).Select(x => (object)x),
        ["AlsoTo"] = () => Flow.Create<int>().AlsoTo(Sink.Ignore<int>()).Select(x => (object)x),
        ["Async"] = () => Flow.Create<int>().Select(x => (object)x).Async(),
        ["FairLeakyBucket"] = () => Flow.Create<int>().Via(FairLeakyBucket.Create<int, int>(x => x, new FairLeakyBucketSettings())).Select(x => (object)x),
    };

    public static TheoryData<string> Names() => [.. Operators.Keys];

    private (SourceProbe<int> Source, SinkProbe<object> Sink) Run(string name) =>
        TestSource.Probe<int>(this).Via(Operators[name]()).ToMaterialized(TestSink.Probe<object>(this), Keep.Both).Run(Materializer);

    [Theory]
    [MemberData(nameof(Names))]
    public void Upstream_completion_completes_downstream(string name)
    {
        var (source, sink) = Run(name);
        sink.Request(10);
        source.ExpectRequest();
        source.SendComplete();
        sink.Probe.FishForMessage<OnComplete>(_ => true);
        AssertAllStagesStopped();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Upstream_failure_fails_downstream_with_the_same_exception(string name)
    {
        var (source, sink) = Run(name);
        var boom = new TestException(name);
        sink.Request(10);
        source.ExpectRequest();
        source.SendError(boom);
        Assert.Same(boom, sink.Probe.FishForMessage<OnError>(_ => true).Cause);
        AssertAllStagesStopped();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Downstream_cancellation_cancels_upstream(string name)
    {
        var (source, sink) = Run(name);
        sink.Request(2); // Scan answers its first pull with the zero, without asking upstream
        source.ExpectRequest();
        sink.Cancel();
        source.ExpectCancellation();
        AssertAllStagesStopped();
    }
}
