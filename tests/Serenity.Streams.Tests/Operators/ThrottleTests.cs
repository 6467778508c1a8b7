using Serenity.Streams.Dsl;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.Operators;

/// <summary>Throttle in virtual time: the token bucket refills only when the test advances the clock.</summary>
public sealed class ThrottleTests : StreamSpec
{
    [Fact]
    public void Shaping_spaces_elements_at_the_rate_after_the_burst()
    {
        var start = Clock.GetUtcNow();
        var received = new List<(int, TimeSpan)>();
        var (q, done) = Source.Queue<int>(100, OverflowStrategy.Backpressure)
            .Throttle(2, TimeSpan.FromSeconds(1), 2, ThrottleMode.Shaping)
            .ToMaterialized(Sink.ForEach<int>(x => received.Add((x, Clock.GetUtcNow() - start))), Keep.Both)
            .Run(Materializer);
        for (var i = 1; i <= 6; i++) Await(q.OfferAsync(i));
        // The bucket is full at start: two elements pass at once, then one per 500 ms.
        Assert.Equal([(1, TimeSpan.Zero), (2, TimeSpan.Zero)], received);
        Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(2, received.Count);
        Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal((3, TimeSpan.FromMilliseconds(500)), received[2]);
        Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal([TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(1500), TimeSpan.FromMilliseconds(2000)], received.Skip(3).Select(r => r.Item2));
        q.Complete();
        Await(done);
    }

    [Fact]
    public void Shaping_meets_the_rate_over_a_long_run()
    {
        var count = 0;
        var q = Source.Queue<int>(1000, OverflowStrategy.Backpressure)
            .Throttle(10, TimeSpan.FromSeconds(1), 1, ThrottleMode.Shaping)
            .To(Sink.ForEach<int>(_ => count++))
            .Run(Materializer);
        for (var i = 0; i < 1000; i++) Await(q.OfferAsync(i));
        Advance(TimeSpan.FromSeconds(60));
        // One token at start plus ten per second.
        Assert.Equal(1 + 600, count);
    }

    [Fact]
    public void Tokens_saved_while_idle_allow_a_burst_up_to_maximumBurst()
    {
        var count = 0;
        var q = Source.Queue<int>(100, OverflowStrategy.Backpressure)
            .Throttle(1, TimeSpan.FromSeconds(1), 5, ThrottleMode.Shaping)
            .To(Sink.ForEach<int>(_ => count++))
            .Run(Materializer);
        Await(q.OfferAsync(0));
        Assert.Equal(1, count);
        Advance(TimeSpan.FromSeconds(60)); // idle: the bucket refills, but only to 5
        for (var i = 0; i < 20; i++) Await(q.OfferAsync(i));
        Assert.Equal(1 + 5, count);
        Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1 + 5 + 3, count);
    }

    [Fact]
    public void Enforcing_fails_when_upstream_is_faster_than_the_rate()
    {
        var (source, sink) = TestSource.Probe<int>(this).Throttle(1, TimeSpan.FromSeconds(1), 2, ThrottleMode.Enforcing)
            .ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        sink.Request(10);
        source.ExpectRequest().SendNext(1).ExpectRequest().SendNext(2).ExpectRequest().SendNext(3);
        sink.ExpectNext(1, 2);
        Assert.IsType<RateExceededException>(sink.ExpectError());
    }

    [Fact]
    public void Enforcing_passes_upstream_that_keeps_to_the_rate()
    {
        var (source, sink) = TestSource.Probe<int>(this).Throttle(1, TimeSpan.FromSeconds(1), 1, ThrottleMode.Enforcing)
            .ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        sink.Request(10);
        for (var i = 0; i < 5; i++)
        {
            source.ExpectRequest().SendNext(i);
            sink.ExpectNext(i);
            Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public void Costs_are_taken_from_the_bucket()
    {
        var start = Clock.GetUtcNow();
        var received = new List<TimeSpan>();
        var q = Source.Queue<int>(100, OverflowStrategy.Backpressure)
            .Throttle(10, TimeSpan.FromSeconds(1), 10, x => x, ThrottleMode.Shaping)
            .To(Sink.ForEach<int>(_ => received.Add(Clock.GetUtcNow() - start)))
            .Run(Materializer);
        Await(q.OfferAsync(10)); // takes the whole bucket
        Await(q.OfferAsync(5)); // waits for 5 tokens: 500 ms
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(500)], received);
    }

    [Fact]
    public void A_held_element_is_emitted_before_completion()
    {
        var (source, sink) = TestSource.Probe<int>(this).Throttle(1, TimeSpan.FromSeconds(1), 1, ThrottleMode.Shaping)
            .ToMaterialized(TestSink.Probe<int>(this), Keep.Both).Run(Materializer);
        sink.Request(5);
        source.ExpectRequest().SendNext(1);
        sink.ExpectNext(1);
        source.ExpectRequest().SendNext(2);
        source.SendComplete();
        sink.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Advance(TimeSpan.FromSeconds(1));
        sink.ExpectNext(2).ExpectComplete();
    }
}
