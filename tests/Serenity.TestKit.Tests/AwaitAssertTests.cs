using System.Diagnostics;
using Serenity.Actors;

namespace Serenity.TestKit.Tests;

public sealed class AwaitAssertTests : TestKit
{
    [Fact]
    public void AwaitAssert_passes_once_an_actor_has_made_the_assertion_true()
    {
        var counter = new SharedCounter();
        var actor = Sys.ActorOf(Props.Create(() => new CountingActor(counter)), "counter");
        for (var i = 0; i < 3; i++) actor.Tell(i);
        AwaitAssert(() => Assert.Equal(3, counter.Value));
    }

    [Fact]
    public void AwaitAssert_fails_with_the_last_assertion_after_the_duration()
    {
        var attempts = 0;
        var ex = Assert.Throws<InvalidOperationException>(() =>
            AwaitAssert(() => throw new InvalidOperationException($"attempt {++attempts}"), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(10)));
        Assert.True(attempts > 1, $"only {attempts} attempt(s)");
        Assert.Equal($"attempt {attempts}", ex.Message);
    }

    [Fact]
    public void AwaitAssert_rethrows_an_xunit_assertion_failure()
    {
        var counter = new SharedCounter();
        var ex = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            AwaitAssert(() => Assert.Equal(1, counter.Value), TimeSpan.FromMilliseconds(50)));
        Assert.Contains("Assert.Equal() Failure", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwaitCondition_passes_once_an_actor_has_made_the_condition_true()
    {
        var counter = new SharedCounter();
        var actor = Sys.ActorOf(Props.Create(() => new CountingActor(counter)), "counter");
        actor.Tell("one");
        actor.Tell("two");
        AwaitCondition(() => counter.Value == 2);
    }

    [Fact]
    public void AwaitCondition_fails_with_its_message_after_the_duration()
    {
        var ex = Assert.Throws<TestKitFailedException>(() =>
            AwaitCondition(() => false, TimeSpan.FromMilliseconds(100), message: "the queue to drain"));
        Assert.Equal("AwaitCondition: the queue to drain was still false at the timeout", ex.Message);
    }

    [Fact]
    public void AwaitCondition_without_a_message_still_says_what_failed()
    {
        var ex = Assert.Throws<TestKitFailedException>(() => AwaitCondition(() => false, TimeSpan.FromMilliseconds(30)));
        Assert.Contains("the condition was still false", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitConditionAsync_passes_once_an_asked_actor_answers_that_the_condition_holds()
    {
        var counter = new SharedCounter();
        var actor = Sys.ActorOf(Props.Create(() => new CountingActor(counter)), "async-counter");
        actor.Tell("one");
        actor.Tell("two");
        await AwaitConditionAsync(() => Task.FromResult(counter.Value == 2), TimeSpan.FromSeconds(10));
        Assert.Equal(2, counter.Value);
    }

    [Fact]
    public async Task AwaitConditionAsync_fails_with_the_described_state_after_the_duration()
    {
        var ex = await Assert.ThrowsAsync<TestKitFailedException>(() =>
            AwaitConditionAsync(() => Task.FromResult(false), TimeSpan.FromMilliseconds(50), () => "3 orders open"));
        Assert.Equal("AwaitConditionAsync: the condition was still false at the timeout: 3 orders open", ex.Message);
    }

    [Fact]
    public void AwaitAssert_does_not_sleep_past_its_duration()
    {
        var clock = Stopwatch.StartNew();
        Assert.Throws<InvalidOperationException>(() =>
            AwaitAssert(() => throw new InvalidOperationException("never"), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(3)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void AwaitAssert_inside_Within_stops_at_the_end_of_the_Within()
    {
        var clock = Stopwatch.StartNew();
        Assert.Throws<InvalidOperationException>(() =>
            Within(TimeSpan.FromMilliseconds(100), () => AwaitAssert(() => throw new InvalidOperationException("never"))));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"took {clock.Elapsed}");
    }
}
