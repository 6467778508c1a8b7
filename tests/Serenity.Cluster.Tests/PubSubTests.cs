using Serenity.Actors;
using Serenity.Cluster.PubSub;

namespace Serenity.Cluster.Tests;

public sealed class PubSubTests : TestKit.TestKit
{
    private readonly DistributedPubSub _pubSub;

    public PubSubTests() => _pubSub = DistributedPubSub.Get(Sys);

    [Fact]
    public void A_published_message_reaches_every_subscriber_of_its_topic_and_no_other()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        var other = CreateTestProbe();
        _pubSub.Subscribe("quotes.AAPL", a);
        _pubSub.Subscribe("quotes.AAPL", b);
        _pubSub.Subscribe("quotes.MSFT", other);

        _pubSub.Publish("quotes.AAPL", "tick", TestActor);

        a.ExpectMsg("tick");
        b.ExpectMsg("tick");
        Assert.Equal(TestActor, b.LastSender);
        other.ExpectNoMsg();
    }

    [Fact]
    public void Subscribing_twice_delivers_once_and_unsubscribe_stops_delivery()
    {
        var probe = CreateTestProbe();
        _pubSub.Subscribe("bars.AAPL", probe);
        _pubSub.Subscribe("bars.AAPL", probe);

        _pubSub.Publish("bars.AAPL", 1);
        probe.ExpectMsg(1);
        probe.ExpectNoMsg();

        _pubSub.Unsubscribe("bars.AAPL", probe);
        _pubSub.Publish("bars.AAPL", 2);
        probe.ExpectNoMsg();
        Assert.Equal(0, _pubSub.SubscriberCount("bars.AAPL"));
    }

    [Fact]
    public void A_topic_publisher_keeps_the_callers_key_and_delivers_to_the_topic()
    {
        var probe = CreateTestProbe();
        _pubSub.Subscribe("quotes.AMD", probe);
        var publisher = _pubSub.Publisher("quotes.AMD", "AMD");
        Assert.Equal("AMD", publisher.Key);
        Assert.Null(_pubSub.Publisher("quotes.AMD").Key);

        publisher.Publish("tick");
        probe.ExpectMsg("tick");
    }

    [Fact]
    public void A_prefix_watch_follows_topics_gaining_and_losing_their_subscribers()
    {
        var early = CreateTestProbe();
        _pubSub.Subscribe("trades.AAPL", early);
        _pubSub.Subscribe("tradesX.AAPL", CreateTestProbe()); // another prefix that only looks alike
        var watch = _pubSub.WatchPrefix("trades.");
        Assert.True(watch.MayReachSubscribers); // counted when the watch was made

        _pubSub.Unsubscribe("trades.AAPL", early);
        Assert.False(watch.MayReachSubscribers);
        Assert.False(_pubSub.WatchPrefix("trades.").MayReachSubscribers);

        var first = CreateTestProbe();
        var second = CreateTestProbe();
        _pubSub.Subscribe("trades.MSFT", first);
        _pubSub.Subscribe("trades.MSFT", second);
        Assert.True(watch.MayReachSubscribers);
        _pubSub.Unsubscribe("trades.MSFT", first);
        Assert.True(watch.MayReachSubscribers);
        _pubSub.Unsubscribe("trades.MSFT", second);
        Assert.False(watch.MayReachSubscribers);
    }

    [Fact]
    public void A_prefix_watch_sees_a_stopped_subscriber_leave_on_the_next_publish()
    {
        var watch = _pubSub.WatchPrefix("status.");
        var subscriber = Sys.ActorOf(Props.Create(() => new Silent()));
        _pubSub.Subscribe("status.AAPL", subscriber);
        Assert.True(watch.MayReachSubscribers);

        Watch(subscriber);
        Sys.Stop(subscriber);
        ExpectTerminated(subscriber);
        _pubSub.Publish("status.AAPL", "halt");
        Assert.False(watch.MayReachSubscribers);
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    [Fact]
    public void Messages_from_one_publisher_arrive_in_order()
    {
        var probe = CreateTestProbe();
        _pubSub.Subscribe("seq", probe);

        for (var i = 0; i < 1000; i++) _pubSub.Publish("seq", i);

        for (var i = 0; i < 1000; i++) probe.ExpectMsg(i);
    }

    [Fact]
    public void The_mediator_acknowledges_subscriptions_and_publishes_for_ref_holders()
    {
        var subscriber = CreateTestProbe();
        var subscribe = new Subscribe("news", subscriber);

        _pubSub.Mediator.Tell(subscribe);
        ExpectMsg<SubscribeAck>(ack => ack.Subscribe == subscribe);
        _pubSub.Mediator.Tell(new Publish("news", "hello"));

        subscriber.ExpectMsg("hello");
        _pubSub.Mediator.Tell(new Unsubscribe("news", subscriber));
        ExpectMsg<UnsubscribeAck>();
        Assert.Equal(0, _pubSub.SubscriberCount("news"));
    }

    [Fact]
    public void A_stopped_subscriber_is_dropped_from_its_topic()
    {
        var subscriber = Sys.ActorOf(Props.Create(() => new Forwarder(TestActor)));
        _pubSub.Subscribe("t", subscriber);
        Watch(subscriber);
        Sys.Stop(subscriber);
        ExpectTerminated(subscriber);

        _pubSub.Publish("t", "after stop");

        Assert.Equal(0, _pubSub.SubscriberCount("t"));
        ExpectNoMsg();
    }

    [Fact]
    public void Publishing_to_a_topic_nobody_subscribed_is_a_no_op()
    {
        _pubSub.Publish("nobody", "x");

        Assert.Equal(0, _pubSub.SubscriberCount("nobody"));
        Assert.Equal(0, Sys.DeadLetterCount);
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef to) => ReceiveAny(m => to.Tell(m, Sender));
    }
}
