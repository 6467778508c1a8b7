using Serenity.Streams.FairBucket;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.FairBucket;

/// <summary>Conflating mode: each key keeps only its newest element, so what is delivered is never stale.</summary>
public sealed class ConflatingTests : StreamSpec
{
    [Fact]
    public void No_delivered_quote_is_older_than_one_leak_interval_behind_the_newest_for_its_key()
    {
        var leakInterval = TimeSpan.FromMilliseconds(500);
        var driver = new BucketDriver(new FairLeakyBucketSettings
        {
            PerKeyRate = 2,
            GlobalRate = 0,
            IdleCapacity = 2,
            MaxCapacity = 10,
            RefreshInterval = TimeSpan.FromSeconds(1),
            Conflate = true,
        }, Clock, Materializer);
        var sent = new List<Quote>();
        var seq = new int[5];
        // Five keys, each quoting every 50 ms (20/s) against a leak of 2/s per key.
        driver.Run(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(10), now =>
        {
            var ms = (int)Math.Round(now.TotalMilliseconds);
            for (var key = 0; key < 5; key++)
            {
                if (ms % 50 != key * 10) continue;
                driver.Send(key, seq[key]);
                sent.Add(new Quote(key, seq[key]++, now));
            }
        });
        var deliveries = driver.Deliveries;
        Assert.NotEmpty(deliveries);
        foreach (var d in deliveries)
        {
            var newest = sent.Where(q => q.Key == d.Quote.Key && q.SentAt <= d.DeliveredAt).MaxBy(q => q.SentAt)!;
            Assert.True(newest.SentAt - d.Quote.SentAt <= leakInterval, $"{d.Quote} delivered at {d.DeliveredAt} while {newest} was newer");
        }
        var snapshot = driver.Stats.Snapshot();
        foreach (var key in snapshot.Keys)
        {
            Assert.Equal(0, key.Dropped);
            Assert.True(key.Conflated > 0);
            Assert.Equal(key.Accepted, key.Delivered + key.Conflated + key.QueueLength);
            Assert.InRange(key.Delivered, 59, 61); // 2/s for 30 s
            Assert.Equal(1, key.Threshold);
        }
    }
}
