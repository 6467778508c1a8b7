using Serenity.Actors;
using Serenity.Cluster.Sharding;

namespace Serenity.Cluster.Tests;

public sealed class ShardingTests : TestKit.TestKit
{
    private readonly ClusterSharding _sharding;

    public ShardingTests() : base("serenity.cluster.sharding { number-of-shards = 10, passivate-idle-after = 2m }") =>
        _sharding = ClusterSharding.Get(Sys);

    [Fact]
    public async Task An_entity_is_created_on_its_first_message_and_keeps_its_state()
    {
        _sharding.Start("counter", id => Props.Create(() => new CounterEntity(id)));
        var aapl = _sharding.EntityRefFor("counter", "AAPL");

        aapl.Tell("inc");
        aapl.Tell("inc");
        var count = await aapl.Ask<string>("get");

        Assert.Equal("AAPL=2", count);
    }

    [Fact]
    public async Task Different_ids_are_different_entities_and_stats_count_them_per_shard()
    {
        var region = _sharding.Start("counter", id => Props.Create(() => new CounterEntity(id)));
        foreach (var id in new[] { "a", "b", "c", "d/with slash" }) _sharding.EntityRefFor("counter", id).Tell("inc");
        Assert.Equal("d/with slash=1", await _sharding.EntityRefFor("counter", "d/with slash").Ask<string>("get"));

        var stats = await region.Ask<ShardRegionStats>(GetShardRegionStats.Instance);
        var entities = await region.Ask<CurrentEntities>(GetCurrentEntities.Instance);

        Assert.Equal(4, stats.EntityCount);
        Assert.All(stats.Stats.Keys, shard => Assert.InRange(int.Parse(shard, System.Globalization.CultureInfo.InvariantCulture), 0, 9));
        Assert.Equal(new HashSet<string> { "a", "b", "c", "d/with slash" }, entities.EntityIds);
    }

    [Fact]
    public void Shard_ids_are_stable_hashes_within_range()
    {
        Assert.Equal(HashCodeMessageExtractor.ShardIdFor("AAPL", 100), HashCodeMessageExtractor.ShardIdFor("AAPL", 100));
        var shards = Enumerable.Range(0, 1000).Select(i => HashCodeMessageExtractor.ShardIdFor("user-" + i, 10)).ToHashSet();
        Assert.Equal(10, shards.Count); // 1,000 ids spread over all 10 shards
    }

    [Fact]
    public async Task Messages_sent_while_an_entity_passivates_reach_its_next_incarnation()
    {
        using var release = new ManualResetEventSlim();
        var incarnations = 0;
        _sharding.Start("slow-stop", id => Props.Create(() => new SlowStopEntity(TestActor, release, ++incarnations)));
        var entity = _sharding.EntityRefFor("slow-stop", "x");
        entity.Tell("inc");

        entity.Tell("passivate");
        ExpectMsg("stopping 1"); // the region has asked it to stop and now holds its messages
        entity.Tell("inc");
        entity.Tell("inc");
        release.Set();

        Assert.Equal("x=2 (incarnation 2)", await entity.Ask<string>("get"));
    }

    [Fact]
    public async Task Idle_entities_are_passivated_after_the_configured_time()
    {
        var region = _sharding.Start("counter", id => Props.Create(() => new CounterEntity(id)));
        var entity = _sharding.EntityRefFor("counter", "idle");
        Assert.Equal("idle=0", await entity.Ask<string>("get"));

        Advance(TimeSpan.FromMinutes(3));

        var probe = CreateTestProbe();
        probe.AwaitAssert(() => Assert.Equal(0, region.Ask<ShardRegionStats>(GetShardRegionStats.Instance).GetAwaiter().GetResult().EntityCount));
    }

    [Fact]
    public async Task An_entity_whose_props_cannot_be_made_fails_the_ask_and_leaves_the_others_running()
    {
        _sharding.Start("picky", id => id == "bad" ? throw new ArgumentException("no such symbol: bad") : Props.Create(() => new CounterEntity(id)));
        var good = _sharding.EntityRefFor("picky", "good");
        good.Tell("inc");

        var e = await Assert.ThrowsAsync<ArgumentException>(() => _sharding.EntityRefFor("picky", "bad").Ask<string>("get"));

        Assert.Equal("no such symbol: bad", e.Message);
        Assert.Equal("good=1", await good.Ask<string>("get"));
    }

    [Fact]
    public void An_unknown_entity_type_is_a_clear_error()
    {
        var e = Assert.Throws<ArgumentException>(() => _sharding.EntityRefFor("nope", "1"));
        Assert.Contains("'nope' has not been started", e.Message, StringComparison.Ordinal);
    }

    private sealed class CounterEntity : ReceiveActor
    {
        public CounterEntity(string id)
        {
            var count = 0;
            Receive<string>(s => s == "inc", _ => count++);
            Receive<string>(s => s == "get", _ => Sender.Tell($"{id}={count}", Self));
        }
    }

    /// <summary>Stops only when the test lets it, so messages can be sent while it passivates.</summary>
    private sealed class SlowStopEntity : ReceiveActor
    {
        public SlowStopEntity(IActorRef test, ManualResetEventSlim release, int incarnation)
        {
            var count = 0;
            Receive<string>(s => s == "inc", _ => count++);
            Receive<string>(s => s == "get", _ => Sender.Tell($"x={count} (incarnation {incarnation})", Self));
            Receive<string>(s => s == "passivate", _ => Context.Parent.Tell(new Passivate("stop"), Self));
            Receive<string>(s => s == "stop", _ =>
            {
                test.Tell($"stopping {incarnation}", Self);
                release.Wait(TimeSpan.FromSeconds(10));
                Context.Stop(Self);
            });
        }
    }
}
