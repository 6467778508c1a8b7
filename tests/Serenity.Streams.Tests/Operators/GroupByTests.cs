using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Operators;

public sealed class GroupByTests : StreamSpec
{
    [Fact]
    public void GroupBy_and_MergeSubstreams_keep_each_key_in_order()
    {
        var result = Await(Source.From(Enumerable.Range(1, 30))
            .GroupBy(3, x => x % 3)
            .Select(x => x * 10)
            .MergeSubstreams()
            .RunWith(Sink.Seq<int>(), Materializer));
        Assert.Equal(30, result.Count);
        for (var key = 0; key < 3; key++)
        {
            var ofKey = result.Where(x => x / 10 % 3 == key).ToList();
            Assert.Equal(ofKey.OrderBy(x => x), ofKey);
        }
        Assert.Equal(Enumerable.Range(1, 30).Select(x => x * 10).OrderBy(x => x), result.OrderBy(x => x));
        AssertAllStagesStopped();
    }

    [Fact]
    public void Operators_apply_per_substream()
    {
        var result = Await(Source.From(Enumerable.Range(1, 20))
            .GroupBy(2, x => x % 2)
            .Aggregate(0, (a, x) => a + x)
            .MergeSubstreams()
            .RunWith(Sink.Seq<int>(), Materializer));
        Assert.Equal([100, 110], result.OrderBy(x => x));
    }

    [Fact]
    public void More_keys_than_maxSubstreams_fail_the_stream_clearly()
    {
        var task = Source.From(Enumerable.Range(1, 10)).GroupBy(3, x => x).MergeSubstreams().RunWith(Sink.Seq<int>(), Materializer);
        var error = Assert.IsType<TooManySubstreamsOpenException>(AwaitFailure(task));
        Assert.Contains("maxSubstreams (3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("[4]", error.Message, StringComparison.Ordinal);
        AssertAllStagesStopped();
    }

    [Fact]
    public void A_completed_substream_frees_its_slot_only_if_its_key_never_returns()
    {
        // Take(1) completes each substream early; later elements of the key are dropped, not reopened.
        var result = Await(Source.From([1, 2, 1, 2, 3, 1])
            .GroupBy(3, x => x)
            .Take(1)
            .MergeSubstreams()
            .RunWith(Sink.Seq<int>(), Materializer));
        Assert.Equal([1, 2, 3], result.OrderBy(x => x));
    }

    [Fact]
    public void GroupBy_on_a_flow()
    {
        var flow = Flow.Create<string>().GroupBy(10, s => s[0]).Select(s => s.ToUpperInvariant()).MergeSubstreams();
        var result = Await(Source.From(["apple", "avocado", "banana", "blueberry", "cherry"]).Via(flow).RunWith(Sink.Seq<string>(), Materializer));
        Assert.Equal(["APPLE", "AVOCADO", "BANANA", "BLUEBERRY", "CHERRY"], result.OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void A_failure_upstream_fails_the_merged_stream()
    {
        var boom = new TestException("upstream");
        var task = Source.From([1, 2, 3]).Select(x => x == 3 ? throw boom : x).GroupBy(5, x => x).MergeSubstreams().RunWith(Sink.Seq<int>(), Materializer);
        Assert.Same(boom, AwaitFailure(task));
        AssertAllStagesStopped();
    }

    [Fact]
    public void Substreams_are_backpressured()
    {
        var (source, sink) = TestSource.Probe<int>(this).GroupBy(2, x => x % 2).MergeSubstreams().ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        sink.Request(1);
        source.ExpectRequest().SendNext(1);
        sink.ExpectNext(1);
        // The merge asks each substream for one element ahead: 3 waits there, 5 waits in GroupBy, then nothing is pulled.
        source.ExpectRequest().SendNext(3);
        source.ExpectRequest().SendNext(5);
        source.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        sink.Request(1);
        sink.ExpectNext(3);
        source.ExpectRequest();
        sink.Request(1);
        sink.ExpectNext(5);
    }
}
