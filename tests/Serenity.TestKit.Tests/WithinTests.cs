using System.Diagnostics;
using Serenity.Actors;

namespace Serenity.TestKit.Tests;

public sealed class WithinTests : TestKit
{
    [Fact]
    public void Within_passes_when_the_block_is_fast()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        Within(TimeSpan.FromSeconds(3), () =>
        {
            echo.Tell("fast");
            ExpectMsg("fast");
        });
    }

    [Fact]
    public void Within_returns_the_result_of_the_block()
    {
        Assert.Equal(42, Within(TimeSpan.Zero, TimeSpan.FromSeconds(3), () => 42));
    }

    [Fact]
    public void Within_fails_when_the_block_takes_longer_than_max()
    {
        var ex = Assert.Throws<TestKitFailedException>(() =>
            Within(TimeSpan.FromMilliseconds(50), () => ExpectNoMsg(TimeSpan.FromMilliseconds(150))));
        Assert.Contains("Within: the block took", ex.Message, StringComparison.Ordinal);
        Assert.Contains("more than 50 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_fails_when_the_block_is_faster_than_min()
    {
        var ex = Assert.Throws<TestKitFailedException>(() =>
            Within(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), () => 1));
        Assert.Contains("earlier than the minimum 2000 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_passes_a_block_that_takes_at_least_min()
    {
        Within(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3), () =>
        {
            ExpectNoMsg(TimeSpan.FromMilliseconds(60));
            return true;
        });
    }

    [Fact]
    public void Expectations_inside_Within_default_to_the_remaining_time()
    {
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<TestKitFailedException>(() =>
            Within(TimeSpan.FromMilliseconds(200), () => ExpectMsg<string>()));
        clock.Stop();
        Assert.Contains("ExpectMsg<String>: timed out after", ex.Message, StringComparison.Ordinal);
        // The default would be single-expect-default (3 s); the Within cut it to what was left of 200 ms.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(150), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Expectations_inside_Within_cannot_wait_past_its_end_even_with_a_longer_timeout()
    {
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<TestKitFailedException>(() =>
            Within(TimeSpan.FromMilliseconds(200), () => ReceiveN(2, TimeSpan.FromSeconds(10))));
        Assert.Contains("after 0 of 2 messages", ex.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_nested_Within_cannot_extend_the_outer_one()
    {
        var clock = Stopwatch.StartNew();
        Assert.Throws<TestKitFailedException>(() =>
            Within(TimeSpan.FromMilliseconds(200), () => Within(TimeSpan.FromSeconds(10), () => ExpectMsg<string>())));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Expectations_after_Within_use_their_own_timeouts_again()
    {
        Within(TimeSpan.FromMilliseconds(50), () => { });
        ExpectNoMsg(TimeSpan.FromMilliseconds(80)); // the Within's deadline is now in the past
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        echo.Tell("after");
        ExpectMsg("after");
    }

    [Fact]
    public void Within_applies_to_the_probe_it_is_called_on()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        probe.Within(TimeSpan.FromSeconds(3), () =>
        {
            probe.Send(echo, 1);
            probe.ExpectMsg(1);
        });
    }
}
