using Xunit;

namespace Serenity.Trading.Tests;

public sealed class SnapshotScheduleTests
{
    [Fact]
    public void An_entity_snapshots_once_in_every_run_of_snapshot_every_events()
    {
        var schedule = new SnapshotSchedule("account-alice", 1000);

        var due = Enumerable.Range(1, 5000).Where(seq => schedule.IsDue(seq)).ToList();

        Assert.Equal(5, due.Count);
        Assert.All(due.Zip(due.Skip(1)), pair => Assert.Equal(1000, pair.Second - pair.First));
    }

    [Fact]
    public void Entities_trading_in_step_snapshot_at_different_events()
    {
        // 20 users whose accounts reach each sequence nr together must not all snapshot on the same event.
        var firstSnapshots = Enumerable.Range(0, 20)
            .Select(i => new SnapshotSchedule($"account-lat{i}", 1000))
            .Select(s => Enumerable.Range(1, 1000).First(seq => s.IsDue(seq)))
            .ToList();

        Assert.True(firstSnapshots.Distinct().Count() >= 15, string.Join(", ", firstSnapshots));
    }

    [Fact]
    public void The_same_entity_has_the_same_schedule_in_every_instance()
    {
        var a = new SnapshotSchedule("portfolio-bob", 777);
        var b = new SnapshotSchedule("portfolio-bob", 777);

        Assert.All(Enumerable.Range(1, 2000), seq => Assert.Equal(a.IsDue(seq), b.IsDue(seq)));
    }

    [Fact]
    public void Snapshot_every_one_snapshots_after_every_event()
    {
        var schedule = new SnapshotSchedule("account-carol", 1);

        Assert.All(Enumerable.Range(1, 10), seq => Assert.True(schedule.IsDue(seq)));
    }
}
