using Serenity.Actors;

namespace Serenity.TestKit.Tests;

public sealed class ReceiveNTests : TestKit
{
    [Fact]
    public void ReceiveN_returns_the_messages_in_order()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        echo.Tell("a");
        echo.Tell(2);
        echo.Tell(new Ping(3));
        Assert.Equal(new object[] { "a", 2, new Ping(3) }, ReceiveN(3));
        Assert.Equal(echo, LastSender);
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void ReceiveN_leaves_later_messages_for_the_next_expectation()
    {
        for (var i = 0; i < 4; i++) TestActor.Tell(new Ping(i), ActorRefs.NoSender);
        Assert.Equal(new object[] { new Ping(0), new Ping(1) }, ReceiveN(2));
        ExpectMsg(new Ping(2));
        ExpectMsg(new Ping(3));
    }

    [Fact]
    public void ReceiveN_of_zero_returns_nothing()
    {
        Assert.Empty(ReceiveN(0, TimeSpan.Zero));
    }

    [Fact]
    public void ReceiveN_fails_on_timeout_with_the_count_received_so_far()
    {
        TestActor.Tell("one", ActorRefs.NoSender);
        TestActor.Tell("two", ActorRefs.NoSender);
        var ex = Assert.Throws<TestKitFailedException>(() => ReceiveN(3, TimeSpan.FromMilliseconds(100)));
        Assert.Contains("ReceiveN(3)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after 2 of 3 messages", ex.Message, StringComparison.Ordinal);
        Assert.Contains(TestActor.Path.ToString(), ex.Message, StringComparison.Ordinal);
    }
}
