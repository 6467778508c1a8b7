using Serenity.Actors;

namespace Serenity.TestKit.Tests;

public sealed class ExpectNoMsgTests : TestKit
{
    [Fact]
    public void ExpectNoMsg_passes_when_nothing_arrives()
    {
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        ExpectNoMsg();
    }

    [Fact]
    public void ExpectNoMsg_fails_naming_the_message_that_arrived_and_its_sender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        echo.Tell(new Ping(4));
        var ex = Assert.Throws<TestKitFailedException>(() => ExpectNoMsg(TimeSpan.FromSeconds(3)));
        Assert.Contains("ExpectNoMsg", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[Ping { N = 4 }]", ex.Message, StringComparison.Ordinal);
        Assert.Contains(echo.Path.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_of_zero_checks_what_is_already_there_without_waiting()
    {
        ExpectNoMsg(TimeSpan.Zero);
        TestActor.Tell("here", ActorRefs.NoSender);
        var ex = Assert.Throws<TestKitFailedException>(() => ExpectNoMsg(TimeSpan.Zero));
        Assert.Contains("received \"here\" from NoSender", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_on_a_probe_ignores_other_probes()
    {
        var probe = CreateTestProbe();
        TestActor.Tell("for the test actor", ActorRefs.NoSender);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(20));
        ExpectMsg("for the test actor");
    }
}
