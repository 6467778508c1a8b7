using Serenity.Streams.FairBucket;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.FairBucket;

/// <summary>The adaptive accept threshold: it grows while a key is quiet and shrinks back as a burst leaks.</summary>
public sealed class ThresholdTests : StreamSpec
{
    private static readonly FairLeakyBucketSettings BucketSettings = new()
    {
        PerKeyRate = 2,
        GlobalRate = 0,
        IdleCapacity = 2,
        MaxCapacity = 10,
        RefreshInterval = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public void The_threshold_grows_while_idle_and_shrinks_back_after_a_burst()
    {
        var driver = new BucketDriver(BucketSettings, Clock, Materializer);
        driver.Send(1, 0); // delivered at once
        Assert.Equal(2, driver.Stats.Get(1)!.Threshold);

        Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2 + 5, driver.Stats.Get(1)!.Threshold); // one per refresh interval while the queue is empty

        Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(10, driver.Stats.Get(1)!.Threshold); // capped at max capacity

        // A burst of 20: the first leaks at once, the queue then takes what the threshold allows.
        for (var i = 1; i <= 20; i++) driver.Send(1, i);
        var afterBurst = driver.Stats.Get(1)!;
        Assert.Equal(9, afterBurst.Threshold); // 10, minus one for the leak
        Assert.Equal(9, afterBurst.QueueLength);
        Assert.Equal(1 + 10, afterBurst.Accepted); // the first element, then the one leaked at once and nine queued
        Assert.Equal(10, afterBurst.Dropped);

        // Every leak (one per 500 ms) shrinks it by one, down to idle capacity.
        Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(8, driver.Stats.Get(1)!.Threshold);
        Advance(TimeSpan.FromSeconds(3.5));
        var drained = driver.Stats.Get(1)!;
        Assert.Equal(1, drained.QueueLength);
        Assert.Equal(2, drained.Threshold);

        // Quiet again: it grows again.
        Advance(TimeSpan.FromSeconds(3));
        Assert.True(driver.Stats.Get(1)!.Threshold > 2);
    }

    [Fact]
    public void Elements_over_the_threshold_are_dropped_and_counted()
    {
        var driver = new BucketDriver(BucketSettings, Clock, Materializer);
        for (var i = 0; i < 10; i++) driver.Send(7, i);
        var stats = driver.Stats.Get(7)!;
        Assert.Equal(1, stats.Delivered);
        Assert.Equal(2, stats.QueueLength);
        Assert.Equal(3, stats.Accepted);
        Assert.Equal(7, stats.Dropped);
        Assert.Equal(3 + 7, stats.Accepted + stats.Dropped);
    }

    [Fact]
    public void A_key_leaks_at_most_at_its_rate()
    {
        var driver = new BucketDriver(BucketSettings, Clock, Materializer);
        for (var i = 0; i < 3; i++) driver.Send(1, i);
        Advance(TimeSpan.FromSeconds(2));
        var times = driver.Deliveries.Select(d => d.DeliveredAt.TotalMilliseconds).ToList();
        Assert.Equal([0, 500, 1000], times);
        var stats = driver.Stats.Get(1)!;
        Assert.Equal(TimeSpan.FromMilliseconds(1000), stats.LastWait);
        Assert.Equal(TimeSpan.FromMilliseconds(1000), stats.Staleness); // last delivery at 1 s, now 2 s
    }

    [Fact]
    public void With_nothing_queued_an_element_passes_at_once_and_its_key_still_waits_its_interval()
    {
        var driver = new BucketDriver(BucketSettings, Clock, Materializer);
        driver.Send(1, 0); // nothing queued anywhere: out at once
        driver.Send(2, 0); // another key: out at once too
        Advance(TimeSpan.FromMilliseconds(100));
        driver.Send(1, 1); // key 1 left at 0 ms: waits for 500 ms
        Advance(TimeSpan.FromSeconds(1.4));
        driver.Send(1, 2); // at 1.5 s key 1 is quiet again: out at once
        Advance(TimeSpan.FromMilliseconds(100));
        driver.Send(1, 3); // and the next waits until 2 s

        Advance(TimeSpan.FromSeconds(1));
        var times = driver.Deliveries.Select(d => (d.Quote.Key, d.Quote.Seq, d.DeliveredAt.TotalMilliseconds)).ToList();
        Assert.Equal([(1, 0, 0), (2, 0, 0), (1, 1, 500), (1, 2, 1500), (1, 3, 2000)], times);
        var stats = driver.Stats.Get(1)!;
        Assert.Equal(4, stats.Accepted);
        Assert.Equal(4, stats.Delivered);
        Assert.Equal(0, stats.QueueLength);
        Assert.Equal(TimeSpan.FromMilliseconds(400), stats.LastWait); // sent at 1.6 s, out at 2 s
    }

    [Fact]
    public void Statistics_of_an_unknown_key_are_null()
    {
        var driver = new BucketDriver(BucketSettings, Clock, Materializer);
        Assert.Null(driver.Stats.Get(99));
        Assert.Equal(0, driver.Stats.KeyCount);
        Assert.Empty(driver.Stats.Snapshot().Keys);
    }
}
