using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Operators;

public sealed class ConflateTests : StreamSpec
{
    [Fact]
    public void Conflate_folds_elements_while_downstream_is_slow()
    {
        var (source, sink) = TestSource.Probe<int>(this).Conflate((a, x) => a + x).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        source.ExpectRequest().SendNext(1).ExpectRequest().SendNext(2).ExpectRequest().SendNext(3).ExpectRequest();
        Assert.Equal(6, sink.RequestNext());
        source.SendNext(4);
        Assert.Equal(4, sink.RequestNext());
    }

    [Fact]
    public void ConflateWithSeed_starts_a_summary_per_batch()
    {
        var (source, sink) = TestSource.Probe<int>(this).ConflateWithSeed(x => new List<int> { x }, (l, x) => { l.Add(x); return l; })
            .ToMaterialized(TestSink.Probe<List<int>>(this), Keep.Both).Run(Materializer);
        source.ExpectRequest().SendNext(1).ExpectRequest().SendNext(2).ExpectRequest();
        Assert.Equal([1, 2], sink.RequestNext());
        source.SendNext(3);
        Assert.Equal([3], sink.RequestNext());
    }

    [Fact]
    public void Conflate_never_backpressures_and_emits_its_summary_before_completing()
    {
        var (source, sink) = TestSource.Probe<int>(this).Conflate((a, x) => a + x).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        for (var i = 0; i < 100; i++) source.ExpectRequest().SendNext(1);
        source.ExpectRequest().SendComplete();
        Assert.Equal(100, sink.RequestNext());
        sink.ExpectComplete();
    }

    [Fact]
    public void Conflate_passes_elements_straight_through_when_downstream_keeps_up()
    {
        Assert.Equal([1, 2, 3], Await(Source.From([1, 2, 3]).Conflate((a, x) => a + x).RunWith(Sink.Seq<int>(), Materializer)));
    }
}
