using Microsoft.Data.Sqlite;
using Serenity.Hocon;
using Serenity.Persistence.Journal;
using Serenity.Persistence.Snapshots;
using Serenity.Persistence.Tests.Contract;

namespace Serenity.Persistence.Sqlite.Tests;

/// <summary>
/// The journal's commits never checkpoint (that would stall the order being committed); a background thread copies the
/// write-ahead log into the database file instead, so the log stays short however long the node runs.
/// </summary>
public sealed class CheckpointTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly TempFolder _folder = new();

    private string DatabasePath => Path.Combine(_folder.Path, "journal.db");

    [Fact]
    public void No_connection_checkpoints_on_commit_neither_the_journals_writer_nor_a_snapshot_saver()
    {
        var database = new SqliteDatabase(DatabasePath);
        using var writer = database.OpenWriter();
        using var other = new SqliteDatabase(DatabasePath, fsyncEveryCommit: false).Open();

        Assert.Equal(0L, Pragma(writer, "wal_autocheckpoint"));
        Assert.Equal(0L, Pragma(other, "wal_autocheckpoint"));
    }

    [Fact]
    public async Task A_snapshot_store_alone_on_its_file_keeps_the_log_short_with_the_background_checkpoint()
    {
        await using var snapshots = new SqliteSnapshotStore(DatabasePath, TimeSpan.FromMilliseconds(20));
        await snapshots.InitializeAsync(CancellationToken.None);
        var payload = new byte[100_000];
        const int Saves = 40;
        for (var i = 1; i <= Saves; i++)
        {
            await snapshots.SaveAsync(new SnapshotRow("p", i, DateTimeOffset.UnixEpoch, "s.v1", payload), CancellationToken.None);
            var runs = snapshots.CheckpointStatistics.Runs;
            await AwaitAsync(() => snapshots.CheckpointStatistics.Runs >= runs + 2);
        }

        var wal = new FileInfo(DatabasePath + "-wal").Length;
        Assert.True(wal < Saves * payload.Length / 5, $"the log grew to {wal:N0} bytes for {Saves * payload.Length:N0} bytes of snapshots: it was not reused");
        Assert.Equal(0, snapshots.CheckpointStatistics.Failures);
    }

    [Fact]
    public async Task The_journal_and_the_snapshot_store_of_one_file_share_one_checkpointer_at_the_shorter_interval()
    {
        await using var journal = new SqliteJournalStore(DatabasePath, TimeSpan.FromHours(1));
        await journal.InitializeAsync(CancellationToken.None);
        var snapshots = new SqliteSnapshotStore(DatabasePath, TimeSpan.FromMilliseconds(20));
        await snapshots.InitializeAsync(CancellationToken.None);

        await AwaitAsync(() => journal.CheckpointStatistics.Runs >= 2); // the journal asked for 1 h: the snapshot store's 20 ms applies
        Assert.Equal(journal.CheckpointStatistics.Runs, snapshots.CheckpointStatistics.Runs, tolerance: 1);

        await snapshots.DisposeAsync(); // the journal still holds the checkpointer: it keeps running
        var runs = journal.CheckpointStatistics.Runs;
        await AwaitAsync(() => journal.CheckpointStatistics.Runs >= runs + 2);
    }

    [Fact]
    public async Task A_long_run_of_writes_reuses_a_short_log_because_the_background_checkpoint_copies_it()
    {
        await using var journal = new SqliteJournalStore(DatabasePath, TimeSpan.FromMilliseconds(20));
        await journal.InitializeAsync(CancellationToken.None);
        var payload = new byte[4_000]; // about one page per event
        const int Batches = 20;
        const int EventsPerBatch = 100;
        long walAfterFirstBatch = 0;

        for (var b = 0; b < Batches; b++)
        {
            var rows = Enumerable.Range(1, EventsPerBatch)
                .Select(i => new JournalRow("p", b * EventsPerBatch + i, "e.v1", payload, [], "w", DateTimeOffset.UtcNow))
                .ToArray();
            await journal.WriteAsync([rows], CancellationToken.None);
            if (b == 0) walAfterFirstBatch = new FileInfo(DatabasePath + "-wal").Length;
            var runs = journal.CheckpointStatistics.Runs;
            await AwaitAsync(() => journal.CheckpointStatistics.Runs >= runs + 2); // a whole checkpoint after this write
        }

        var wal = new FileInfo(DatabasePath + "-wal").Length;
        var written = (long)Batches * EventsPerBatch * payload.Length;
        Assert.True(wal < written / 5, $"the log grew to {wal:N0} bytes for {written:N0} bytes of events: it was not reused");
        Assert.True(wal <= walAfterFirstBatch * 2, $"the log grew from {walAfterFirstBatch:N0} to {wal:N0} bytes");
        Assert.Equal(0, journal.CheckpointStatistics.Failures);
        Assert.Equal(Batches * EventsPerBatch, await journal.ReadHighestSequenceNrAsync("p", CancellationToken.None));
    }

    [Fact]
    public async Task Under_a_steady_stream_of_commits_the_log_still_starts_over()
    {
        // No pause between commits, so the background checkpoint never finds the log fully copied by itself: before,
        // the log never started over while the stream lasted and grew by every commit. SQLite gives the log new salts in
        // its header each time it starts over.
        await using var journal = new SqliteJournalStore(DatabasePath, TimeSpan.FromMilliseconds(5));
        await journal.InitializeAsync(CancellationToken.None);
        var payload = new byte[500];
        const int Commits = 10_000;
        var salts = new HashSet<ulong>();
        for (var i = 1; i <= Commits; i++)
        {
            await journal.WriteAsync([[new JournalRow("p", i, "e.v1", payload, [], "w", DateTimeOffset.UtcNow)]], CancellationToken.None);
            if (i % 50 == 0) salts.Add(WalSalts());
        }

        Assert.True(journal.CheckpointStatistics.Runs > 0, "no checkpoint ran during the writes");
        Assert.True(salts.Count >= 5, $"the log started over {salts.Count - 1} times in {Commits:N0} commits");
    }

    [Theory]
    [InlineData("journal")]
    [InlineData("snapshot store")]
    public void A_checkpoint_interval_that_is_not_positive_is_refused_naming_the_setting(string store)
    {
        var config = ConfigurationFactory.ParseString($"path = {PluginConfig.Quote(DatabasePath)}\ncheckpoint-interval = 0s");

        var error = Assert.Throws<ArgumentException>(() => store == "journal" ? new SqliteJournalStore(config) : (object)new SqliteSnapshotStore(config));

        Assert.Contains("checkpoint-interval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snapshot_stores_checkpoint_interval_comes_from_its_own_section()
    {
        // What `serenity.persistence.snapshot-store.sqlite.checkpoint-interval` reaches: the plugin's section.
        var config = ConfigurationFactory.ParseString($"path = {PluginConfig.Quote(DatabasePath)}\ncheckpoint-interval = 20ms");
        await using var configured = new SqliteSnapshotStore(config);
        await using var defaulted = new SqliteSnapshotStore(DatabasePath);

        Assert.Equal(TimeSpan.FromMilliseconds(20), configured.CheckpointInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), defaulted.CheckpointInterval);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static async Task AwaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"no checkpoint ran within {Wait}");
            await Task.Delay(5); // polls a counter the checkpoint thread advances, bounded by the deadline
        }
    }

    /// <summary>The two salts of the write-ahead log's header (bytes 16-23), which change each time the log starts over.</summary>
    private ulong WalSalts()
    {
        using var wal = new FileStream(DatabasePath + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[24];
        wal.ReadExactly(header);
        return BitConverter.ToUInt64(header, 16);
    }

    private static object Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return command.ExecuteScalar()!;
    }
}
