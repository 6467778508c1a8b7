using System.Text;
using Microsoft.Data.Sqlite;
using Serenity.Persistence.Journal;
using Serenity.Persistence.Snapshots;

namespace Serenity.Persistence.Sqlite.Tests;

/// <summary>The journal and the snapshot store share one file (the default), each with its own connections.</summary>
public sealed class SharedFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string DatabasePath => Path.Combine(_folder.Path, "shared.db");

    [Fact]
    public async Task Journal_and_snapshot_store_created_at_once_on_one_file_both_work()
    {
        await using var journal = new SqliteJournalStore(DatabasePath);
        await using var snapshots = new SqliteSnapshotStore(DatabasePath);
        await Task.WhenAll(
            Task.Run(() => journal.InitializeAsync(CancellationToken.None)),
            Task.Run(() => snapshots.InitializeAsync(CancellationToken.None)));

        await Task.WhenAll(
            Task.Run(() => journal.WriteAsync([[Row("p", 1)]], CancellationToken.None)),
            Task.Run(() => snapshots.SaveAsync(new SnapshotRow("p", 1, DateTimeOffset.UtcNow, "s.v1", new byte[] { 1 }), CancellationToken.None)));

        Assert.Equal(1, await journal.ReadHighestSequenceNrAsync("p", CancellationToken.None));
        Assert.Equal(1, (await snapshots.LoadAsync("p", SnapshotSelectionCriteria.Latest, CancellationToken.None))?.SequenceNr);
    }

    [Fact]
    public async Task A_write_waits_for_another_connection_holding_the_write_lock_instead_of_failing()
    {
        await using var journal = new SqliteJournalStore(DatabasePath);
        await journal.InitializeAsync(CancellationToken.None);
        using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        other.Open();
        using var lockHolder = other.BeginTransaction(); // BEGIN IMMEDIATE: holds the write lock

        var write = Task.Run(() => journal.WriteAsync([[Row("p", 1)]], CancellationToken.None));

        Assert.NotSame(write, await Task.WhenAny(write, Task.Delay(TimeSpan.FromMilliseconds(300))));
        lockHolder.Commit();
        await write.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await journal.ReadHighestSequenceNrAsync("p", CancellationToken.None));
    }

    [Fact]
    public async Task Replays_run_while_a_write_holds_the_write_lock()
    {
        await using var journal = new SqliteJournalStore(DatabasePath);
        await journal.InitializeAsync(CancellationToken.None);
        await journal.WriteAsync([[Row("p", 1), Row("p", 2)]], CancellationToken.None);
        using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        other.Open();
        using var lockHolder = other.BeginTransaction();

        var replayed = new List<long>();
        await journal.ReplayAsync("p", 1, long.MaxValue, long.MaxValue, r => replayed.Add(r.SequenceNr), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1L, 2L], replayed);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static JournalRow Row(string persistenceId, long sequenceNr) =>
        new(persistenceId, sequenceNr, "e.v1", Encoding.UTF8.GetBytes("x"), [], "w", DateTimeOffset.UtcNow);
}
