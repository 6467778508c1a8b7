using Serenity.Cluster.PubSub;
using Serenity.MarketData;
using Serenity.Tickstore.Filling;

namespace Serenity.Tickstore.Tests;

public sealed class LiveBarsTests : TestKit.TestKit
{
    private readonly TempStore _t = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _t.Dispose();
    }

    [Fact]
    public void The_actor_appends_published_minute_bars_per_day_on_flush_and_ignores_daily_bars()
    {
        var day = TempStore.Day;
        var bars = TempStore.Minutes("AAPL", day, 3);
        var actor = Sys.ActorOf(LiveBarsActor.Props(_t.Store, ["AAPL"], TimeSpan.FromMinutes(5)));
        var pubSub = DistributedPubSub.Get(Sys);
        AwaitCondition(() => pubSub.SubscriberCount("bars.AAPL") == 1);
        pubSub.Publish("bars.AAPL", bars[0]);
        pubSub.Publish("bars.AAPL", bars[1]);
        pubSub.Publish("bars.AAPL", bars[1] with { Kind = BarKind.Daily });
        actor.Tell(new FlushBars(), TestActor);
        Assert.Equal(new BarsFlushed(1), ExpectMsg<BarsFlushed>());
        pubSub.Publish("bars.AAPL", bars[2]);
        pubSub.Publish("bars.AAPL", bars[1] with { Close = 1m, Kind = BarKind.Updated });
        actor.Tell(new FlushBars(), TestActor);
        ExpectMsg(new BarsFlushed(1));
        actor.Tell(new FlushBars(), TestActor);
        ExpectMsg(new BarsFlushed(0));

        var from = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Assert.Equal([bars[0], bars[1] with { Close = 1m, Kind = BarKind.Updated }, bars[2]], _t.Store.Select("AAPL", from, from.AddDays(1)).ToBars());
        Assert.Equal(2, _t.Store.Versions("AAPL", day).Count);
    }

    [Fact]
    public void The_flush_timer_writes_without_being_asked()
    {
        var day = TempStore.Day;
        var actor = Sys.ActorOf(LiveBarsActor.Props(_t.Store, ["MSFT"], TimeSpan.FromMinutes(5)));
        var pubSub = DistributedPubSub.Get(Sys);
        AwaitCondition(() => pubSub.SubscriberCount("bars.MSFT") == 1);
        pubSub.Publish("bars.MSFT", TempStore.Minutes("MSFT", day, 1)[0]);
        actor.Tell(new FlushBars(), TestActor); // flushes and proves the bar was received
        ExpectMsg(new BarsFlushed(1));
        pubSub.Publish("bars.MSFT", TempStore.Minutes("MSFT", day, 2)[1]);
        AwaitCondition(() => Clock.PendingTimers > 0);
        Clock.Advance(TimeSpan.FromMinutes(5));
        AwaitCondition(() => _t.Store.Versions("MSFT", day).Count == 2);
    }

    [Fact]
    public void The_appender_keeps_bars_of_a_failed_flush_for_the_next_one()
    {
        var appender = new LiveBarAppender(_t.Store);
        var bad = TempStore.Minutes("AAPL", TempStore.Day, 1)[0] with { Close = 0.000000001m };
        appender.Add(bad);
        Assert.Throws<ArgumentOutOfRangeException>(() => appender.Flush());
        Assert.Equal(1, appender.Pending);
    }
}
