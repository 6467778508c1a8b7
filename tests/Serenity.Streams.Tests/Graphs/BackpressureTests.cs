using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Graphs;

/// <summary>
/// An unbounded source into a slow sink: the source is only asked for as many elements as the declared
/// buffers (and one per stage) can hold, so memory stays flat. Measured by counting elements in flight,
/// not by watching the GC.
/// </summary>
public sealed class BackpressureTests : StreamSpec
{
    /// <summary>An endless source that counts what has been taken from it.</summary>
    private sealed class Counter
    {
        private long _produced;

        public long Produced => Interlocked.Read(ref _produced);

        public IEnumerable<long> Endless()
        {
            while (true) yield return Interlocked.Increment(ref _produced);
        }
    }

    [Fact]
    public void A_slow_sink_slows_an_unbounded_source_to_its_own_pace()
    {
        var counter = new Counter();
        var consumed = 0L;
        Source.From(counter.Endless())
            .Select(x => x * 2)
            .Buffer(16, OverflowStrategy.Backpressure)
            .Throttle(10, TimeSpan.FromSeconds(1), 10, ThrottleMode.Shaping) // the slow consumer: 10 per virtual second
            .To(Sink.ForEach<long>(_ => Interlocked.Increment(ref consumed)))
            .Run(Materializer);
        for (var second = 1; second <= 100; second++)
        {
            Advance(TimeSpan.FromSeconds(1));
            var inFlight = counter.Produced - Interlocked.Read(ref consumed);
            // Buffer(16) plus at most one element held by each of the four stages around it.
            Assert.InRange(inFlight, 0, 16 + 4);
        }
        Assert.InRange(Interlocked.Read(ref consumed), 10 * 100, 10 * 100 + 10);
    }

    [Fact]
    public void Memory_stays_bounded_across_an_async_boundary_too()
    {
        var counter = new Counter();
        var sink = Source.From(counter.Endless()).Select(x => x).Async().Select(x => x).RunWith(TestSink.Probe<long>(this), Materializer);
        for (var round = 0; round < 20; round++)
        {
            sink.Request(5);
            sink.ExpectNextN(5);
            var taken = 5L * (round + 1);
            var produced = counter.Produced;
            // The boundary buffer (16) plus one element per stage on either side is all that may be ahead.
            Assert.InRange(produced - taken, 0, 16 + 4);
        }
        sink.Cancel();
        AssertAllStagesStopped();
    }

    [Fact]
    public void Without_demand_nothing_is_produced_beyond_the_buffers()
    {
        var counter = new Counter();
        var sink = Source.From(counter.Endless()).Buffer(100, OverflowStrategy.Backpressure).RunWith(TestSink.Probe<long>(this), Materializer);
        sink.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.InRange(counter.Produced, 100, 101);
        sink.Cancel();
    }
}
