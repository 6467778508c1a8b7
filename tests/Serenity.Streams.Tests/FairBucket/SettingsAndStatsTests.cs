using Serenity.Hocon;
using Serenity.Streams.Dsl;
using Serenity.Streams.FairBucket;
using Serenity.Streams.Tests.Support;

namespace Serenity.Streams.Tests.FairBucket;

public sealed class SettingsAndStatsTests() : StreamSpec("serenity.streams.fair-bucket.per-key-rate = 5\nserenity.streams.fair-bucket.conflate = on")
{
    [Fact]
    public void Settings_come_from_hocon_with_the_defaults_of_serenity_conf()
    {
        var settings = FairLeakyBucketSettings.Create(Sys);
        Assert.Equal(5, settings.PerKeyRate);
        Assert.True(settings.Conflate);
        Assert.Equal(1000, settings.GlobalRate);
        Assert.Equal(10, settings.GlobalBurst);
        Assert.Equal(2, settings.IdleCapacity);
        Assert.Equal(50, settings.MaxCapacity);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.RefreshInterval);
    }

    [Fact]
    public void A_bad_value_names_its_key_and_where_it_was_set()
    {
        var config = ConfigurationFactory.ParseString("serenity.streams.fair-bucket {\n  idle-capacity = 5\n  max-capacity = 3\n}", "bucket.conf")
            .WithFallback(Actors.Settings.Reference);
        var error = Assert.Throws<ConfigException>(() => FairLeakyBucketSettings.Create(config));
        Assert.Equal("serenity.streams.fair-bucket.max-capacity", error.Path);
        Assert.Contains("bucket.conf", error.Message, StringComparison.Ordinal);
        Assert.Contains("idle-capacity (5)", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => FairLeakyBucket.Create<int, int>(x => x, new FairLeakyBucketSettings { PerKeyRate = -1 }));
    }

    [Fact]
    public void Statistics_can_be_read_from_another_thread_while_the_bucket_runs()
    {
        const int n = 300_000;
        var items = Enumerable.Range(0, n).Select(i => new Quote(i % 5000, i, TimeSpan.Zero)).ToArray();
        var settings = new FairLeakyBucketSettings { PerKeyRate = 0, GlobalRate = 0, IdleCapacity = 1000, MaxCapacity = 1000 };
        var (stats, done) = Source.From(items)
            .ViaMaterialized(FairLeakyBucket.Create<Quote, int>(q => q.Key, settings), Keep.Right)
            .ToMaterialized(Sink.Ignore<Quote>(), Keep.Both)
            .Run(Materializer);
        var reads = 0;
        var reader = Task.Run(() =>
        {
            do
            {
                var snapshot = stats.Snapshot();
                Assert.All(snapshot.Keys, k => Assert.True(k.Delivered <= k.Accepted, $"{k}"));
                reads++;
            }
            while (!done.IsCompleted);
        });
        Await(done);
        Await(reader);
        var final = stats.Snapshot();
        Assert.Equal(5000, final.Keys.Count);
        Assert.Equal(n, final.Accepted + final.Dropped);
        Assert.Equal(final.Accepted, final.Delivered);
        Assert.Equal(0, final.QueueLength);
        Assert.True(reads > 0);
    }

    [Fact]
    public void Upstream_completion_drains_the_queues_at_their_rates_then_completes()
    {
        var settings = new FairLeakyBucketSettings { PerKeyRate = 1, GlobalRate = 0, IdleCapacity = 5, MaxCapacity = 5 };
        var result = Source.From([new Quote(1, 0, TimeSpan.Zero), new Quote(1, 1, TimeSpan.Zero), new Quote(2, 0, TimeSpan.Zero)])
            .Via(FairLeakyBucket.Create<Quote, int>(q => q.Key, settings))
            .RunWith(Sink.Seq<Quote>(), Materializer);
        Assert.False(result.IsCompleted);
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([(1, 0), (2, 0), (1, 1)], Await(result).Select(q => (q.Key, q.Seq)));
        AssertAllStagesStopped();
    }

    [Fact]
    public void An_index_hint_that_is_wrong_or_shared_never_mixes_two_keys()
    {
        // Keys 1 and 2 claim the same index, key 3 an index of its own, key 4 none: each still queues and leaks as itself.
        var settings = new FairLeakyBucketSettings { PerKeyRate = 1, GlobalRate = 0, IdleCapacity = 5, MaxCapacity = 5 };
        var quotes = new[] { (1, 0), (2, 0), (1, 1), (3, 0), (2, 1), (4, 0), (3, 1) }.Select(x => new Quote(x.Item1, x.Item2, TimeSpan.Zero)).ToArray();
        var (stats, result) = Source.From(quotes)
            .ViaMaterialized(FairLeakyBucket.Create<Quote, int>(q => q.Key, q => q.Key switch { 1 or 2 => 7, 3 => 3, _ => -1 }, settings), Keep.Right)
            .ToMaterialized(Sink.Seq<Quote>(), Keep.Both)
            .Run(Materializer);
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([(1, 0), (2, 0), (3, 0), (4, 0), (1, 1), (2, 1), (3, 1)], Await(result).Select(q => (q.Key, q.Seq)));
        Assert.Equal([2L, 2L, 2L, 1L], new[] { 1, 2, 3, 4 }.Select(k => stats.Get(k)!.Delivered));
        AssertAllStagesStopped();
    }

    [Fact]
    public void A_failing_key_function_fails_the_stream_with_its_exception()
    {
        var boom = new TestException("key");
        var settings = new FairLeakyBucketSettings { PerKeyRate = 0, GlobalRate = 0 };
        var task = Source.From([1, 2, 3]).Via(FairLeakyBucket.Create<int, int>(x => x == 2 ? throw boom : x, settings)).RunWith(Sink.Seq<int>(), Materializer);
        Assert.Same(boom, AwaitFailure(task));
    }
}
