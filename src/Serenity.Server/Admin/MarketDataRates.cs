using Serenity.Streams.FairBucket;

namespace Serenity.Server.Admin;

/// <summary>
/// Quote rates in and out of the fair bucket over the last <see cref="Window"/>: samples the bucket's totals once a
/// second on the system clock and compares the newest figures with the oldest sample still in the window.
/// </summary>
internal sealed class MarketDataRates : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private readonly Queue<Sample> _samples = new();
    private readonly IFairBucketStats<string> _bucket;
    private readonly ITimer _timer;

    public MarketDataRates(IFairBucketStats<string> bucket, TimeProvider clock)
    {
        _bucket = bucket;
        Take(bucket.Snapshot());
        _timer = clock.CreateTimer(_ => Take(_bucket.Snapshot()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Accepted and delivered quotes per second between the oldest sample in the window and <paramref name="now"/>.</summary>
    public (double In, double Out, double Seconds) Rates(FairBucketSnapshot<string> now)
    {
        Sample oldest;
        lock (_gate) oldest = _samples.Peek();
        var seconds = (now.Time - oldest.Time).TotalSeconds;
        if (seconds <= 0) return (0, 0, 0);
        return ((now.Accepted - oldest.Accepted) / seconds, (now.Delivered - oldest.Delivered) / seconds, seconds);
    }

    public void Dispose() => _timer.Dispose();

    private void Take(FairBucketSnapshot<string> snapshot)
    {
        lock (_gate)
        {
            _samples.Enqueue(new Sample(snapshot.Time, snapshot.Accepted, snapshot.Delivered));
            while (_samples.Count > 1 && snapshot.Time - _samples.Peek().Time > Window) _samples.Dequeue();
        }
    }

    private readonly record struct Sample(DateTimeOffset Time, long Accepted, long Delivered);
}
