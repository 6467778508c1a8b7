using Serenity.Actors;

namespace Serenity.TestKit.Tests;

public sealed class ImplicitSenderTests : TestKit
{
    [Fact]
    public void Tell_from_test_code_has_the_test_actor_as_sender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        echo.Tell("hello");
        Assert.Equal("hello", ExpectMsg<string>());
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public async Task The_implicit_sender_flows_into_async_continuations()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        await Task.Yield();
        await Task.Run(() => echo.Tell("from the pool"));
        Assert.Equal("from the pool", await ExpectMsgAsync<string>());
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void Inside_an_actor_the_implicit_sender_is_the_actor()
    {
        var teller = Sys.ActorOf(Props.Create<ImplicitTellingActor>(), "teller");
        teller.Tell(TestActor);
        ExpectMsg("from actor");
        Assert.Equal(teller, LastSender);
    }

    [Fact]
    public async Task Ask_from_test_code_is_not_affected_by_the_implicit_sender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        Assert.Equal("asked", await echo.Ask<string>("asked", TimeSpan.FromSeconds(5)));
        await ((TestProbe)TestActor).ExpectNoMsgAsync(TimeSpan.FromMilliseconds(20));
    }
}
