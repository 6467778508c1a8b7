using System.Collections.Concurrent;
using Serenity.Actors;
using Serenity.Cluster.Sharding;

namespace Serenity.Cluster.Tests;

/// <summary>
/// With the local provider an EntityRef sends straight to a running entity; these check that the shortcut
/// keeps what going through the region guaranteed: order per sender, passivation buffering, idle time.
/// </summary>
public sealed class EntityRefDirectRouteTests : TestKit.TestKit
{
    private readonly ClusterSharding _sharding;

    public EntityRefDirectRouteTests() : base("serenity.cluster.sharding { number-of-shards = 10, passivate-idle-after = 2m }") =>
        _sharding = ClusterSharding.Get(Sys);

    [Fact]
    public async Task Messages_keep_their_order_while_the_entity_starts_and_afterwards()
    {
        var log = new ConcurrentQueue<int>();
        _sharding.Start("log", _ => Props.Create(() => new LoggingEntity(log, 0)));
        const int count = 20_000;

        // The first messages go through the region (the entity is starting), the later ones straight to it.
        for (var i = 0; i < count; i++) _sharding.EntityRefFor("log", "a").Tell(i, null);
        await _sharding.EntityRefFor("log", "a").Ask<string>("sync");

        Assert.Equal(Enumerable.Range(0, count), log);
    }

    [Fact]
    public async Task Messages_keep_their_order_and_none_is_lost_across_passivations()
    {
        var log = new ConcurrentQueue<int>();
        _sharding.Start("log", _ => Props.Create(() => new LoggingEntity(log, 1_000)));
        var entity = _sharding.EntityRefFor("log", "b");
        const int count = 10_000;

        // Every 1,000th message the entity passivates itself while the sender keeps going.
        for (var i = 0; i < count; i++) entity.Tell(i, null);
        await entity.Ask<string>("sync");

        Assert.Equal(Enumerable.Range(0, count), log);
    }

    [Fact]
    public async Task Direct_messages_count_as_activity_for_idle_passivation()
    {
        var region = _sharding.Start("log", _ => Props.Create(() => new LoggingEntity(new ConcurrentQueue<int>(), 0)));
        var entity = _sharding.EntityRefFor("log", "busy");
        await entity.Ask<string>("sync"); // started through the region at 0:00
        Advance(TimeSpan.FromSeconds(90));

        entity.Tell(1, null); // 1:30, straight to the entity
        Advance(TimeSpan.FromMinutes(1)); // the check at 2:00 sees 30 s of idleness, not 2 minutes

        await region.Ask<ShardRegionStats>(GetShardRegionStats.Instance); // the region has done that check
        Assert.Equal("1 since start", await entity.Ask<string>("sync")); // the same incarnation
        Advance(TimeSpan.FromMinutes(2)); // the check at 4:00 sees 2.5 minutes
        CreateTestProbe().AwaitAssert(() => Assert.Equal(0, region.Ask<ShardRegionStats>(GetShardRegionStats.Instance).GetAwaiter().GetResult().EntityCount));
    }

    /// <summary>
    /// Appends every int it gets to a log shared by its incarnations; passivates itself every
    /// <c>passivateEvery</c> ints (0: never); answers "sync" with how many ints this incarnation got.
    /// </summary>
    private sealed class LoggingEntity : ReceiveActor
    {
        public LoggingEntity(ConcurrentQueue<int> log, int passivateEvery)
        {
            var received = 0;
            Receive<int>(i =>
            {
                received++;
                log.Enqueue(i);
                if (passivateEvery > 0 && (i + 1) % passivateEvery == 0) Context.Parent.Tell(new Passivate(PoisonPill.Instance), Self);
            });
            Receive<string>(s => s == "sync", _ => Sender.Tell($"{received} since start", Self));
        }
    }
}
