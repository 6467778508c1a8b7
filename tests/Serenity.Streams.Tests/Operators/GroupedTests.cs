using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Operators;

public sealed class GroupedTests : StreamSpec
{
    [Fact]
    public void Grouped_chunks_and_emits_the_remainder_at_completion()
    {
        var groups = Await(Source.From(Enumerable.Range(1, 7)).Grouped(3).RunWith(Sink.Seq<IReadOnlyList<int>>(), Materializer));
        Assert.Equal(3, groups.Count);
        Assert.Equal([1, 2, 3], groups[0]);
        Assert.Equal([4, 5, 6], groups[1]);
        Assert.Equal([7], groups[2]);
    }

    [Fact]
    public void Grouped_of_an_empty_stream_emits_nothing()
    {
        Assert.Empty(Await(Source.Empty<int>().Grouped(3).RunWith(Sink.Seq<IReadOnlyList<int>>(), Materializer)));
    }

    [Fact]
    public void GroupedWithin_closes_a_group_when_it_is_full()
    {
        var (source, sink) = TestSource.Probe<int>(this).GroupedWithin(2, TimeSpan.FromSeconds(10)).ToMaterialized(TestSink.Probe<IReadOnlyList<int>>(this), Keep.Both).Run(Materializer);
        sink.Request(1);
        source.ExpectRequest().SendNext(1).ExpectRequest().SendNext(2);
        Assert.Equal([1, 2], sink.ExpectNext());
    }

    [Fact]
    public void GroupedWithin_closes_a_group_when_the_window_ends()
    {
        var (source, sink) = TestSource.Probe<int>(this).GroupedWithin(100, TimeSpan.FromSeconds(1)).ToMaterialized(TestSink.Probe<IReadOnlyList<int>>(this), Keep.Both).Run(Materializer);
        sink.Request(2);
        source.ExpectRequest().SendNext(1).ExpectRequest().SendNext(2).ExpectRequest();
        sink.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([1, 2], sink.ExpectNext());
        source.SendNext(3);
        Advance(TimeSpan.FromMilliseconds(999));
        sink.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([3], sink.ExpectNext());
    }

    [Fact]
    public void GroupedWithin_emits_no_empty_groups()
    {
        var (source, sink) = TestSource.Probe<int>(this).GroupedWithin(100, TimeSpan.FromSeconds(1)).ToMaterialized(TestSink.Probe<IReadOnlyList<int>>(this), Keep.Both).Run(Materializer);
        sink.Request(5);
        source.ExpectRequest();
        Advance(TimeSpan.FromSeconds(5));
        sink.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        source.SendNext(1);
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([1], sink.ExpectNext());
    }

    [Fact]
    public void GroupedWithin_emits_the_partial_group_at_completion()
    {
        var groups = Await(Source.From([1, 2, 3]).GroupedWithin(2, TimeSpan.FromHours(1)).RunWith(Sink.Seq<IReadOnlyList<int>>(), Materializer));
        Assert.Equal(2, groups.Count);
        Assert.Equal([3], groups[1]);
    }

    [Fact]
    public void GroupedWithin_backpressures_once_a_waiting_group_is_full()
    {
        var (source, sink) = TestSource.Probe<int>(this).GroupedWithin(2, TimeSpan.FromSeconds(1)).ToMaterialized(TestSink.Probe<IReadOnlyList<int>>(this), Keep.Both).Run(Materializer);
        source.ExpectRequest().SendNext(1).ExpectRequest().SendNext(2);
        source.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50)); // the group is full and nobody wants it: no more pulls
        Assert.Equal([1, 2], sink.RequestNext());
        source.ExpectRequest();
    }
}
