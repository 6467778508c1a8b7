using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Operators;

public sealed class BufferTests : StreamSpec
{
    /// <summary>Runs 1..5 into a buffer of 3 with no demand, then drains what the strategy kept.</summary>
    private List<int> Overflow(OverflowStrategy strategy)
    {
        var (source, sink) = TestSource.Probe<int>(this).Buffer(3, strategy).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        for (var i = 1; i <= 5; i++) source.ExpectRequest().SendNext(i);
        source.ExpectRequest().SendComplete();
        sink.Request(10);
        var kept = new List<int>();
        while (sink.Probe.ExpectMsg<object>() is OnNext<int> next) kept.Add(next.Element);
        return kept;
    }

    [Fact]
    public void DropHead_drops_the_oldest() => Assert.Equal([3, 4, 5], Overflow(OverflowStrategy.DropHead));

    [Fact]
    public void DropTail_drops_the_newest_buffered() => Assert.Equal([1, 2, 5], Overflow(OverflowStrategy.DropTail));

    [Fact]
    public void DropNew_drops_the_arriving_element() => Assert.Equal([1, 2, 3], Overflow(OverflowStrategy.DropNew));

    [Fact]
    public void DropBuffer_drops_everything_buffered() => Assert.Equal([4, 5], Overflow(OverflowStrategy.DropBuffer));

    [Fact]
    public void Fail_fails_the_stream_on_overflow()
    {
        var (source, sink) = TestSource.Probe<int>(this).Buffer(2, OverflowStrategy.Fail).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        source.ExpectRequest().SendNext(1).ExpectRequest().SendNext(2).ExpectRequest().SendNext(3);
        Assert.IsType<BufferOverflowException>(sink.ExpectError());
    }

    [Fact]
    public void Backpressure_stops_pulling_when_full()
    {
        var (source, sink) = TestSource.Probe<int>(this).Buffer(2, OverflowStrategy.Backpressure).ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        source.ExpectRequest().SendNext(1).ExpectRequest().SendNext(2);
        source.Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(1, sink.RequestNext());
        source.ExpectRequest().SendNext(3);
        Assert.Equal(2, sink.RequestNext());
        Assert.Equal(3, sink.RequestNext());
    }

    [Fact]
    public void A_buffer_drains_before_completing()
    {
        Assert.Equal(Enumerable.Range(1, 50), Await(Source.From(Enumerable.Range(1, 50)).Buffer(8, OverflowStrategy.Backpressure).RunWith(Sink.Seq<int>(), Materializer)));
    }
}
