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
            await snapshots.CheckpointRunsReachedAsync(runs + 2).WaitAsync(Wait);
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

        await journal.CheckpointRunsReachedAsync(2).WaitAsync(Wait); // the journal asked for 1 h: the snapshot store's 20 ms applies
        Assert.Equal(journal.CheckpointStatistics.Runs, snapshots.CheckpointStatistics.Runs, tolerance: 1);

        await snapshots.DisposeAsync(); // the journal still holds the checkpointer: it keeps running
        var runs = journal.CheckpointStatistics.Runs;
        await journal.CheckpointRunsReachedAsync(runs + 2).WaitAsync(Wait);
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
            await journal.CheckpointRunsReachedAsync(runs + 2).WaitAsync(Wait); // a whole checkpoint after this write
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
        await using var journal = new SqliteJournalStore(DatabasePath, TimeSpan.FromMilliseconds(5), logRestartBytes: 256 * 1024);
        await journal.InitializeAsync(CancellationToken.None);
        var salts = await SteadyCommitsAsync(journal);

        Assert.True(journal.CheckpointStatistics.Runs > 0, "no checkpoint ran during the writes");
        Assert.True(salts.Count >= 5, $"the log started over {salts.Count - 1} times in {SteadyCommits:N0} commits");
        Assert.True(journal.LogRestarts >= salts.Count - 1, $"{journal.LogRestarts} gated passes for {salts.Count - 1} restarts");
    }

    [Fact]
    public async Task A_log_under_its_restart_size_is_copied_but_not_made_to_start_over()
    {
        // The gated pass holds every writer of the file for its duration, so it runs only once the log is full.
        await using var journal = new SqliteJournalStore(DatabasePath, TimeSpan.FromMilliseconds(5), logRestartBytes: 1L << 40);
        await journal.InitializeAsync(CancellationToken.None);
        await SteadyCommitsAsync(journal);

        Assert.True(journal.CheckpointStatistics.Runs > 0, "no checkpoint ran during the writes");
        Assert.Equal(0, journal.LogRestarts);
    }

    [Fact]
    public async Task The_shorter_interval_and_the_smaller_restart_size_of_two_stores_on_one_file_apply()
    {
        await using var journal = new SqliteJournalStore(DatabasePath, TimeSpan.FromMilliseconds(20), logRestartBytes: 1L << 40);
        await journal.InitializeAsync(CancellationToken.None);
        await using var snapshots = new SqliteSnapshotStore(DatabasePath, TimeSpan.FromHours(1), logRestartBytes: 256 * 1024);
        await snapshots.InitializeAsync(CancellationToken.None);

        var salts = await SteadyCommitsAsync(journal); // the journal alone would never force a restart (previous test)

        Assert.True(journal.LogRestarts > 0 && salts.Count > 1, $"{journal.LogRestarts} gated passes, {salts.Count - 1} restarts");
    }

    private const int SteadyCommits = 10_000;

    /// <summary>Commits one event at a time without a pause; the log's header salts seen every 50 commits.</summary>
    private async Task<HashSet<ulong>> SteadyCommitsAsync(SqliteJournalStore journal)
    {
        var payload = new byte[500];
        var salts = new HashSet<ulong>();
        for (var i = 1; i <= SteadyCommits; i++)
        {
            await journal.WriteAsync([[new JournalRow("p", i, "e.v1", payload, [], "w", DateTimeOffset.UtcNow)]], CancellationToken.None);
            if (i % 50 == 0) salts.Add(WalSalts());
        }
        return salts;
    }

    [Theory]
    [InlineData("journal", "checkpoint-interval = 0s", "checkpoint-interval")]
    [InlineData("snapshot store", "checkpoint-interval = 0s", "checkpoint-interval")]
    [InlineData("journal", "log-restart-size = 0", "log-restart-size")]
    [InlineData("snapshot store", "log-restart-size = 0", "log-restart-size")]
    public void A_checkpoint_setting_that_is_not_positive_is_refused_naming_the_setting(string store, string setting, string name)
    {
        var config = ConfigurationFactory.ParseString($"path = {PluginConfig.Quote(DatabasePath)}\n{setting}");

        var error = Assert.Throws<ArgumentException>(() => store == "journal" ? new SqliteJournalStore(config) : (object)new SqliteSnapshotStore(config));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snapshot_stores_checkpoint_settings_come_from_its_own_section()
    {
        // What `serenity.persistence.snapshot-store.sqlite.checkpoint-interval` reaches: the plugin's section.
        var config = ConfigurationFactory.ParseString($"path = {PluginConfig.Quote(DatabasePath)}\ncheckpoint-interval = 20ms\nlog-restart-size = 4MiB");
        await using var configured = new SqliteSnapshotStore(config);
        await using var defaulted = new SqliteSnapshotStore(DatabasePath);

        Assert.Equal(TimeSpan.FromMilliseconds(20), configured.CheckpointInterval);
        Assert.Equal(4L << 20, configured.LogRestartBytes);
        Assert.Equal(TimeSpan.FromMilliseconds(100), defaulted.CheckpointInterval);
        Assert.Equal(32L << 20, defaulted.LogRestartBytes);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
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
