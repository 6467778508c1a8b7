using Serenity.Actors;

namespace Serenity.TestKit.Tests;

public sealed class FishForMessageTests : TestKit
{
    [Fact]
    public void FishForMessage_skips_messages_that_do_not_match()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        for (var i = 1; i <= 5; i++) echo.Tell(new Ping(i));
        Assert.Equal(new Ping(3), FishForMessage(m => m is Ping { N: 3 }));
        Assert.Equal(new Ping(3), ((TestProbe)TestActor).LastMessage);
        ExpectMsg(new Ping(4));
        ExpectMsg(new Ping(5));
    }

    [Fact]
    public void Typed_FishForMessage_skips_messages_of_other_types()
    {
        TestActor.Tell("noise", ActorRefs.NoSender);
        TestActor.Tell(new Ping(1), ActorRefs.NoSender);
        TestActor.Tell(17, ActorRefs.NoSender);
        TestActor.Tell(new Ping(2), ActorRefs.NoSender);
        Assert.Equal(2, FishForMessage<Ping>(p => p.N == 2).N);
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void FishForMessage_fails_on_timeout_saying_how_many_it_skipped()
    {
        TestActor.Tell(new Ping(1), ActorRefs.NoSender);
        TestActor.Tell(new Ping(2), ActorRefs.NoSender);
        var ex = Assert.Throws<TestKitFailedException>(() => FishForMessage<Ping>(p => p.N == 99, TimeSpan.FromMilliseconds(100)));
        Assert.Contains("FishForMessage<Ping>", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2 others skipped", ex.Message, StringComparison.Ordinal);
        Assert.Contains(TestActor.Path.ToString(), ex.Message, StringComparison.Ordinal);
    }
}
