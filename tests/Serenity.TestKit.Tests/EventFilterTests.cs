using Serenity.Actors;

namespace Serenity.TestKit.Tests;

public sealed class EventFilterTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void Error_of_an_exception_type_counts_the_failures_the_supervisor_logs()
    {
        var actor = Sys.ActorOf(Props.Create<ThrowingActor>(), "thrower");
        EventFilter.Error<BoomException>().Expect(2, () =>
        {
            actor.Tell(new BoomException());
            actor.Tell(new BoomException("bang"));
        });
        // Restarted, not stopped: it still answers.
        actor.Tell("alive");
        ExpectMsg("alive");
    }

    [Fact]
    public void Error_of_an_exception_type_ignores_other_exception_types()
    {
        var actor = Sys.ActorOf(Props.Create<ThrowingActor>(), "thrower");
        EventFilter.Error<BoomException>().ExpectOne(() =>
        {
            actor.Tell(new InvalidOperationException("not a boom"));
            actor.Tell(new BoomException());
        });
    }

    [Fact]
    public void Error_with_contains_matches_the_logged_text()
    {
        var actor = Sys.ActorOf(Props.Create<ThrowingActor>(), "thrower");
        EventFilter.Error("kaboom").ExpectOne(() => actor.Tell(new BoomException("kaboom")));
    }

    [Fact]
    public void Warning_with_contains_counts_only_matching_warnings()
    {
        var actor = Sys.ActorOf(Props.Create<LoggingActor>(), "logger");
        EventFilter.Warning(contains: "disk").Expect(2, () =>
        {
            actor.Tell(new LogRequest(LogLevel.Warning, "disk almost full"));
            actor.Tell(new LogRequest(LogLevel.Warning, "cpu hot"));
            actor.Tell(new LogRequest(LogLevel.Info, "disk fine"));
            actor.Tell(new LogRequest(LogLevel.Warning, "disk full"));
        });
    }

    [Fact]
    public void Info_with_contains_counts_info_events()
    {
        var actor = Sys.ActorOf(Props.Create<LoggingActor>(), "logger");
        EventFilter.Info("started").ExpectOne(() => actor.Tell(new LogRequest(LogLevel.Info, "service started")));
        ExpectMsg("logged");
    }

    [Fact]
    public void DeadLetter_of_a_type_counts_undeliverable_messages_of_that_type()
    {
        var actor = Sys.ActorOf(Props.Create<SilentActor>(), "gone");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        EventFilter.DeadLetter<Ping>().Expect(2, () =>
        {
            actor.Tell(new Ping(1));
            actor.Tell("not a ping");
            actor.Tell(new Ping(2));
        });
    }

    [Fact]
    public void DeadLetter_with_a_predicate_and_untyped_DeadLetter()
    {
        EventFilter.DeadLetter<Ping>(p => p.N > 1).ExpectOne(() =>
        {
            Sys.DeadLetters.Tell(new Ping(1));
            Sys.DeadLetters.Tell(new Ping(2));
        });
        EventFilter.DeadLetter().Expect(2, () =>
        {
            Sys.DeadLetters.Tell("a");
            Sys.DeadLetters.Tell(3);
        });
    }

    [Fact]
    public void Expect_fails_when_fewer_events_arrive_saying_expected_and_received()
    {
        var ex = Assert.Throws<TestKitFailedException>(() =>
            EventFilter.Warning().Expect(2, () => Sys.Log.Warning("only one"), Short));
        Assert.Contains("EventFilter Warning", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected 2 event(s) but received 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expect_fails_when_more_events_arrive_than_expected()
    {
        var ex = Assert.Throws<TestKitFailedException>(() =>
            EventFilter.Warning("dup").Expect(1, () =>
            {
                Sys.Log.Warning("dup 1");
                Sys.Log.Warning("dup 2");
                Sys.Log.Warning("dup 3");
            }));
        Assert.Contains("EventFilter Warning(\"dup\")", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected 1 event(s) but received 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expect_zero_passes_at_once_when_nothing_matches()
    {
        var started = DateTimeOffset.UtcNow;
        EventFilter.Error().Expect(0, () => Sys.Log.Warning("just a warning"));
        Assert.True(DateTimeOffset.UtcNow - started < Settings.FilterLeeway, "Expect(0) waited for the whole leeway");
    }

    [Fact]
    public void Expect_zero_fails_when_a_matching_event_arrives()
    {
        var ex = Assert.Throws<TestKitFailedException>(() =>
            EventFilter.Error().Expect(0, () => Sys.Log.Error("unexpected")));
        Assert.Contains("expected 0 event(s) but received 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expect_rejects_a_negative_count()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EventFilter.Error().Expect(-1, () => { }));
    }

    [Fact]
    public void Expect_returns_the_result_of_the_block()
    {
        var result = EventFilter.Info("x").Expect(1, () =>
        {
            Sys.Log.Info("x marks the spot");
            return "done";
        });
        Assert.Equal("done", result);
    }

    [Fact]
    public async Task ExpectAsync_awaits_the_block_then_the_events()
    {
        var actor = Sys.ActorOf(Props.Create<LoggingActor>(), "logger");
        var reply = await EventFilter.Warning("async").ExpectAsync(1, () =>
            actor.Ask<string>(new LogRequest(LogLevel.Warning, "async warning"), TimeSpan.FromSeconds(5)));
        Assert.Equal("logged", reply);
    }

    [Fact]
    public void Events_before_and_after_the_block_are_not_counted()
    {
        Sys.Log.Warning("before");
        EventFilter.Warning().ExpectOne(() => Sys.Log.Warning("during"));
        Sys.Log.Warning("after");
        EventFilter.Warning().Expect(0, () => { });
    }

    [Fact]
    public void Nested_filters_each_count_their_own_events()
    {
        EventFilter.Warning("outer").Expect(1, () =>
            EventFilter.Warning("inner").Expect(1, () =>
            {
                Sys.Log.Warning("outer event");
                Sys.Log.Warning("inner event");
            }, Short), Short);
    }
}
