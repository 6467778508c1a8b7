using Serenity.Actors;

namespace Serenity.TestKit.Tests;

public sealed class ExpectMsgTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void ExpectMsg_returns_the_message_of_the_expected_type()
    {
        TestActor.Tell(new Ping(1), ActorRefs.NoSender);
        Assert.Equal(new Ping(1), ExpectMsg<Ping>());
    }

    [Fact]
    public void ExpectMsg_with_nothing_arriving_names_the_type_the_timeout_and_the_probe()
    {
        var ex = Assert.Throws<TestKitFailedException>(() => ExpectMsg<Ping>(Short));
        Assert.Contains("ExpectMsg<Ping>", ex.Message, StringComparison.Ordinal);
        Assert.Contains("timed out after 100 ms", ex.Message, StringComparison.Ordinal);
        Assert.Contains(TestActor.Path.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("no message arrived", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_of_the_wrong_type_names_expected_and_actual_type_and_the_sender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        echo.Tell(42);
        var ex = Assert.Throws<TestKitFailedException>(() => ExpectMsg<string>());
        Assert.Contains("expected a String", ex.Message, StringComparison.Ordinal);
        Assert.Contains("received Int32 [42]", ex.Message, StringComparison.Ordinal);
        Assert.Contains(echo.Path.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(42, LastMessageOf(TestActor));
    }

    [Fact]
    public void ExpectMsg_with_a_predicate_returns_a_matching_message()
    {
        TestActor.Tell(new Ping(7), ActorRefs.NoSender);
        Assert.Equal(7, ExpectMsg<Ping>(p => p.N > 5).N);
    }

    [Fact]
    public void ExpectMsg_with_a_predicate_fails_on_a_message_that_does_not_match()
    {
        TestActor.Tell(new Ping(3), ActorRefs.NoSender);
        var ex = Assert.Throws<TestKitFailedException>(() => ExpectMsg<Ping>(p => p.N > 5));
        Assert.Contains("matching the predicate", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[Ping { N = 3 }]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not match", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NoSender", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_of_an_expected_value_uses_equality()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        echo.Tell(new Ping(5));
        echo.Tell("hello");
        Assert.Equal(new Ping(5), ExpectMsg(new Ping(5)));
        Assert.Equal("hello", ExpectMsg("hello"));
    }

    [Fact]
    public void ExpectMsg_of_an_expected_value_fails_on_an_unequal_message()
    {
        TestActor.Tell("goodbye", ActorRefs.NoSender);
        var ex = Assert.Throws<TestKitFailedException>(() => ExpectMsg("hello"));
        Assert.Contains("equal to \"hello\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("received \"goodbye\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_of_an_expected_value_names_the_value_when_it_times_out()
    {
        var ex = Assert.Throws<TestKitFailedException>(() => ExpectMsg(new Ping(9), Short));
        Assert.Contains("equal to [Ping { N = 9 }]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("timed out after 100 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_are_expected_in_the_order_they_arrived()
    {
        for (var i = 0; i < 5; i++) TestActor.Tell(new Ping(i), ActorRefs.NoSender);
        for (var i = 0; i < 5; i++) ExpectMsg(new Ping(i));
    }

    [Fact]
    public void ExpectMsgFrom_checks_the_sender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        var probe = CreateTestProbe();
        probe.Send(echo, "a");
        Assert.Equal("a", probe.ExpectMsgFrom<string>(echo));

        probe.Send(echo, "b");
        var ex = Assert.Throws<TestKitFailedException>(() => probe.ExpectMsgFrom<string>(TestActor));
        Assert.Contains($"expected sender {TestActor.Path}", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"it came from {echo.Path}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAsync_completes_when_the_message_arrives()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        var waiting = ExpectMsgAsync<Ping>();
        echo.Tell(new Ping(11));
        Assert.Equal(new Ping(11), await waiting);
    }

    [Fact]
    public async Task ExpectMsgAsync_fails_on_timeout()
    {
        var ex = await Assert.ThrowsAsync<TestKitFailedException>(() => ExpectMsgAsync<Ping>(Short));
        Assert.Contains("timed out after 100 ms", ex.Message, StringComparison.Ordinal);
    }

    private static object? LastMessageOf(IActorRef probe) => ((TestProbe)probe).LastMessage;
}
