using Serenity.Actors;

namespace Serenity.TestKit.Tests;

public sealed class DisposeTests
{
    [Fact]
    public void Dispose_terminates_the_system()
    {
        var kit = new PlainKit();
        var system = kit.Sys;
        var actor = system.ActorOf(Props.Create<EchoActor>(), "echo");
        var probe = kit.CreateTestProbe();
        probe.Watch(actor);
        Assert.False(system.WhenTerminated.IsCompleted);

        kit.Dispose();

        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
        probe.ExpectTerminated(actor, TimeSpan.Zero);
    }

    [Fact]
    public void Dispose_twice_is_harmless()
    {
        var kit = new PlainKit();
        kit.Dispose();
        kit.Dispose();
        Assert.True(kit.Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public void Each_kit_has_its_own_system_named_after_the_test_class()
    {
        using var first = new PlainKit();
        using var second = new PlainKit();
        Assert.NotSame(first.Sys, second.Sys);
        Assert.Equal(nameof(PlainKit), first.Sys.Name);
        Assert.NotSame(first.Clock, second.Clock);
        first.Advance(TimeSpan.FromHours(1));
        Assert.NotEqual(first.Clock.GetUtcNow(), second.Clock.GetUtcNow());
    }

    private sealed class PlainKit : TestKit;
}
