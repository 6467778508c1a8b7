using Serenity.Actors;
using Serenity.Streams.Dsl;
using Serenity.Streams.FairBucket;

namespace Serenity.Streams.Tests.FairBucket;

/// <summary>A market-data-like element: a ticker key, a sequence number per key, and when it was sent.</summary>
public sealed record Quote(int Key, int Seq, TimeSpan SentAt);

/// <summary>A quote that came out of the bucket, and when.</summary>
public sealed record Delivery(Quote Quote, TimeSpan DeliveredAt);

/// <summary>
/// Runs a fair bucket in virtual time: the test says what is sent when; the driver offers it at that
/// virtual time and advances the clock in small steps. Offers, leaks and deliveries all run on the test
/// thread (the stream runs inline when called from outside), so the run is deterministic.
/// </summary>
public sealed class BucketDriver
{
    private readonly ISourceQueueWithComplete<Quote> _queue;
    private readonly DateTimeOffset _start;
    private readonly List<Delivery> _deliveries = [];

    public BucketDriver(FairLeakyBucketSettings settings, VirtualTimeProvider clock, ActorMaterializer materializer)
    {
        Clock = clock;
        _start = clock.GetUtcNow();
        (_queue, Stats) = Source.Queue<Quote>(100_000, OverflowStrategy.DropNew)
            .ViaMaterialized(FairLeakyBucket.Create<Quote, int>(q => q.Key, settings), Keep.Both)
            .To(Sink.ForEach<Quote>(q =>
            {
                lock (_deliveries) _deliveries.Add(new Delivery(q, Clock.GetUtcNow() - _start));
            }))
            .Run(materializer);
    }

    public VirtualTimeProvider Clock { get; }

    public IFairBucketStats<int> Stats { get; }

    public TimeSpan Elapsed => Clock.GetUtcNow() - _start;

    public IReadOnlyList<Delivery> Deliveries
    {
        get
        {
            lock (_deliveries) return [.. _deliveries];
        }
    }

    /// <summary>Offers a quote now; the bucket never backpressures, so it is taken at once.</summary>
    public void Send(int key, int seq)
    {
        var offer = _queue.OfferAsync(new Quote(key, seq, Elapsed));
        if (!offer.IsCompleted || offer.Result is not QueueOfferResult.Enqueued) throw new InvalidOperationException($"offer of {key}/{seq} was not taken at once: {offer.Status}");
    }

    /// <summary>Runs <paramref name="sendsAt"/> at every step of <paramref name="step"/> until <paramref name="duration"/> has passed.</summary>
    public void Run(TimeSpan duration, TimeSpan step, Action<TimeSpan> sendsAt)
    {
        var end = Elapsed + duration;
        while (Elapsed < end)
        {
            sendsAt(Elapsed);
            Clock.Advance(step);
        }
    }
}
