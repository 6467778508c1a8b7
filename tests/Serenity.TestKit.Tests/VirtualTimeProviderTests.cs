using Serenity.Actors;

namespace Serenity.TestKit.Tests;

public sealed class VirtualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Infinite = Timeout.InfiniteTimeSpan;

    [Fact]
    public void Starts_at_a_fixed_time()
    {
        Assert.Equal(Start, new VirtualTimeProvider().GetUtcNow());
        Assert.Equal(TimeZoneInfo.Utc, new VirtualTimeProvider().LocalTimeZone);
    }

    [Fact]
    public void Starts_at_the_given_time_in_utc()
    {
        var clock = new VirtualTimeProvider(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.FromHours(2)));
        var now = clock.GetUtcNow();
        Assert.Equal(new DateTimeOffset(2030, 6, 1, 10, 0, 0, TimeSpan.Zero), now);
        Assert.Equal(TimeSpan.Zero, now.Offset);
    }

    [Fact]
    public void Time_stands_still_until_advanced()
    {
        var clock = new VirtualTimeProvider();
        var before = clock.GetUtcNow();
        Thread.Yield();
        Assert.Equal(before, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(Start.AddMinutes(90), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(Start.AddMinutes(90).AddTicks(1), clock.GetUtcNow());
    }

    [Fact]
    public void Timestamps_follow_virtual_time()
    {
        var clock = new VirtualTimeProvider();
        var started = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromSeconds(5.5));
        Assert.Equal(TimeSpan.FromSeconds(5.5), clock.GetElapsedTime(started));
        Assert.Equal(TimeSpan.FromSeconds(5.5), clock.GetElapsedTime(started, clock.GetTimestamp()));
    }

    [Fact]
    public void Negative_advance_throws_and_leaves_the_time_alone()
    {
        var clock = new VirtualTimeProvider();
        clock.Advance(Second);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
        Assert.Equal(Start + Second, clock.GetUtcNow());
    }

    [Fact]
    public void Timers_fire_in_due_order_with_the_clock_at_their_due_time()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var c = clock.CreateTimer(_ => fired.Add(("c", clock.GetUtcNow())), null, 3 * Second, Infinite);
        using var a = clock.CreateTimer(_ => fired.Add(("a", clock.GetUtcNow())), null, Second, Infinite);
        using var b = clock.CreateTimer(_ => fired.Add(("b", clock.GetUtcNow())), null, 2 * Second, Infinite);
        Assert.Equal(3, clock.PendingTimers);

        clock.Advance(5 * Second);

        Assert.Equal([("a", Start + Second), ("b", Start + 2 * Second), ("c", Start + 3 * Second)], fired);
        Assert.Equal(Start + 5 * Second, clock.GetUtcNow());
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public void Timers_due_at_the_same_time_fire_in_creation_order()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<int>();
        var timers = Enumerable.Range(0, 5).Select(i => clock.CreateTimer(_ => fired.Add(i), null, Second, Infinite)).ToList();
        clock.Advance(Second);
        Assert.Equal([0, 1, 2, 3, 4], fired);
        timers.ForEach(t => t.Dispose());
    }

    [Fact]
    public void A_timer_fires_only_when_its_due_time_is_reached()
    {
        var clock = new VirtualTimeProvider();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, Second, Infinite);
        clock.Advance(Second - TimeSpan.FromTicks(1));
        Assert.Equal(0, fired);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(1, fired);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void The_callback_gets_its_state()
    {
        var clock = new VirtualTimeProvider();
        object? seen = null;
        var state = new object();
        using var timer = clock.CreateTimer(s => seen = s, state, Second, Infinite);
        clock.Advance(Second);
        Assert.Same(state, seen);
    }

    [Fact]
    public void A_timer_due_now_fires_on_an_advance_of_zero()
    {
        var clock = new VirtualTimeProvider();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Infinite);
        clock.Advance(TimeSpan.Zero);
        Assert.Equal(1, fired);
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_period_across_one_big_advance()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, Second, Second);
        clock.Advance(TimeSpan.FromSeconds(10.5));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => Start + i * Second), fired);
        Assert.Equal(1, clock.PendingTimers);
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(11, fired.Count);
    }

    [Fact]
    public void A_periodic_timer_starts_after_its_due_time()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromMilliseconds(500), 2 * Second);
        clock.Advance(5 * Second);
        Assert.Equal([Start.AddSeconds(0.5), Start.AddSeconds(2.5), Start.AddSeconds(4.5)], fired);
    }

    [Fact]
    public void Periodic_timers_interleave_with_other_timers_in_due_order()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<string>();
        using var every2 = clock.CreateTimer(_ => fired.Add($"p{clock.GetUtcNow().Second}"), null, 2 * Second, 2 * Second);
        using var once3 = clock.CreateTimer(_ => fired.Add($"o{clock.GetUtcNow().Second}"), null, 3 * Second, Infinite);
        clock.Advance(6 * Second);
        Assert.Equal(["p2", "o3", "p4", "p6"], fired);
    }

    [Fact]
    public void Timers_created_inside_a_callback_fire_within_the_same_advance_when_due()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<(string Name, DateTimeOffset At)>();
        var created = new List<ITimer>();
        using var first = clock.CreateTimer(_ =>
        {
            fired.Add(("first", clock.GetUtcNow()));
            created.Add(clock.CreateTimer(_ => fired.Add(("second", clock.GetUtcNow())), null, Second, Infinite));
            created.Add(clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, 10 * Second, Infinite));
        }, null, Second, Infinite);

        clock.Advance(3 * Second);

        Assert.Equal([("first", Start + Second), ("second", Start + 2 * Second)], fired);
        Assert.Equal(1, clock.PendingTimers);
        clock.Advance(8 * Second);
        Assert.Equal(("late", Start + 11 * Second), fired[^1]);
        created.ForEach(t => t.Dispose());
    }

    [Fact]
    public void Dispose_cancels_a_timer()
    {
        var clock = new VirtualTimeProvider();
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, Second, Second);
        clock.Advance(Second);
        timer.Dispose();
        Assert.Equal(0, clock.PendingTimers);
        clock.Advance(10 * Second);
        Assert.Equal(1, fired);
    }

    [Fact]
    public async Task DisposeAsync_cancels_a_timer()
    {
        var clock = new VirtualTimeProvider();
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, Second, Infinite);
        await timer.DisposeAsync();
        clock.Advance(10 * Second);
        Assert.Equal(0, fired);
    }

    [Fact]
    public void Change_to_infinite_cancels_and_change_re_arms_from_now()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, Second, Second);
        Assert.True(timer.Change(Infinite, Infinite));
        clock.Advance(5 * Second);
        Assert.Empty(fired);

        Assert.True(timer.Change(2 * Second, Infinite));
        clock.Advance(10 * Second);
        Assert.Equal([Start + 7 * Second], fired);
    }

    [Fact]
    public void Change_replaces_the_pending_due_time()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, Second, Infinite);
        timer.Change(3 * Second, Infinite);
        Assert.Equal(1, clock.PendingTimers);
        clock.Advance(5 * Second);
        Assert.Equal([Start + 3 * Second], fired);
    }

    [Fact]
    public void A_disposed_timer_cannot_be_re_armed()
    {
        var clock = new VirtualTimeProvider();
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, Second, Infinite);
        timer.Dispose();
        Assert.False(timer.Change(Second, Infinite));
        clock.Advance(5 * Second);
        Assert.Equal(0, fired);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public void A_timer_disposed_by_an_earlier_callback_does_not_fire()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<string>();
        using var later = clock.CreateTimer(_ => fired.Add("later"), null, 2 * Second, Infinite);
        using var earlier = clock.CreateTimer(_ =>
        {
            fired.Add("earlier");
            later.Dispose();
        }, null, Second, Infinite);
        clock.Advance(5 * Second);
        Assert.Equal(["earlier"], fired);
    }

    [Fact]
    public void A_periodic_timer_can_stop_itself_from_its_callback()
    {
        var clock = new VirtualTimeProvider();
        var fired = 0;
        ITimer? timer = null;
        timer = clock.CreateTimer(_ =>
        {
            if (++fired == 3) timer!.Dispose();
        }, null, Second, Second);
        clock.Advance(10 * Second);
        Assert.Equal(3, fired);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public void Task_Delay_on_the_clock_completes_only_when_advanced()
    {
        var clock = new VirtualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(delay.IsCompleted);
        clock.Advance(Second);
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitAsync_on_the_clock_times_out_when_advanced()
    {
        var clock = new VirtualTimeProvider();
        var never = new TaskCompletionSource().Task;
        var waiting = never.WaitAsync(TimeSpan.FromMinutes(1), clock);
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<TimeoutException>(() => waiting);
    }

    [Fact]
    public void A_cancellation_source_on_the_clock_cancels_when_advanced()
    {
        var clock = new VirtualTimeProvider();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10), clock);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(cts.IsCancellationRequested);
        clock.Advance(Second);
        Assert.True(cts.IsCancellationRequested);
    }

    [Fact]
    public void Advance_from_another_thread_fires_timers_there()
    {
        var clock = new VirtualTimeProvider();
        var firedOn = -1;
        using var timer = clock.CreateTimer(_ => firedOn = Environment.CurrentManagedThreadId, null, Second, Infinite);
        var thread = new Thread(() => clock.Advance(Second));
        thread.Start();
        thread.Join();
        Assert.Equal(thread.ManagedThreadId, firedOn);
    }

    [Fact]
    public void Concurrent_advances_add_up_and_time_never_goes_back()
    {
        var clock = new VirtualTimeProvider();
        var seen = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ =>
        {
            lock (seen) seen.Add(clock.GetUtcNow());
        }, null, Second, Second);
        using var go = new Barrier(2);
        var threads = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            go.SignalAndWait();
            for (var i = 0; i < 200; i++) clock.Advance(Second);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(Start + 400 * Second, clock.GetUtcNow());
        Assert.Equal(Enumerable.Range(1, 400).Select(i => Start + i * Second), seen);
    }

    [Fact]
    public void An_advance_from_inside_a_callback_does_not_move_time_back()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var later = clock.CreateTimer(_ => fired.Add(("later", clock.GetUtcNow())), null, 5 * Second, Infinite);
        using var nested = clock.CreateTimer(_ =>
        {
            fired.Add(("nested", clock.GetUtcNow()));
            clock.Advance(20 * Second);
        }, null, Second, Infinite);

        clock.Advance(10 * Second);

        Assert.Equal([("nested", Start + Second), ("later", Start + 5 * Second)], fired);
        Assert.Equal(Start + 21 * Second, clock.GetUtcNow());
    }
}
