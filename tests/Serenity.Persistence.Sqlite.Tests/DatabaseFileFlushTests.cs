using Microsoft.Data.Sqlite;
using Serenity.Persistence.Journal;

namespace Serenity.Persistence.Sqlite.Tests;

/// <summary>
/// The checkpointer's flush of the database file opens a descriptor of its own, which it must never close: closing
/// any descriptor of a file drops every POSIX lock the process holds on it, SQLite's included.
/// </summary>
public sealed class DatabaseFileFlushTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Flushing_a_file_again_and_again_keeps_one_descriptor_open_for_good()
    {
        var path = Path.Combine(_folder.Path, "flushed.db");
        File.WriteAllBytes(path, new byte[4096]);

        Assert.True(DatabaseFileFlush.TryFlush(path));
        Assert.True(DatabaseFileFlush.TryFlush(path));
        GC.Collect();
        GC.WaitForPendingFinalizers(); // a handle left to its finalizer would be closed here

        Assert.Equal(1, DescriptorsOf(path));
    }

    [Fact]
    public void A_file_that_is_not_there_is_not_flushed_and_nothing_is_thrown()
    {
        Assert.False(DatabaseFileFlush.TryFlush(Path.Combine(_folder.Path, "missing.db")));
    }

    [Fact]
    public async Task Events_written_across_many_log_restarts_are_all_there_after_reopening()
    {
        var path = Path.Combine(_folder.Path, "journal.db");
        await using (var journal = new SqliteJournalStore(path, TimeSpan.FromMilliseconds(5), logRestartBytes: 64 * 1024))
        {
            await journal.InitializeAsync(CancellationToken.None);
            for (var i = 1; i <= 2_000; i++)
            {
                await journal.WriteAsync([[new JournalRow("p", i, "e.v1", new byte[300], [], "w", DateTimeOffset.UtcNow)]], CancellationToken.None);
            }
            Assert.True(journal.LogRestarts > 0, "the log was never made to start over");
        }

        await using var reopened = new SqliteJournalStore(path);
        await reopened.InitializeAsync(CancellationToken.None);
        var sequenceNrs = new List<long>();
        await reopened.ReplayAsync("p", 1, long.MaxValue, long.MaxValue, row => sequenceNrs.Add(row.SequenceNr), CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 2_000).Select(i => (long)i), sequenceNrs);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    /// <summary>This process's open descriptors of <paramref name="path"/> (Linux: /proc/self/fd).</summary>
    private static int DescriptorsOf(string path) =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(fd => TargetOf(fd) == path);

    // Tests running beside this one open and close descriptors: one listed may be gone when it is read.
    private static string? TargetOf(FileSystemInfo descriptor)
    {
        try
        {
            return descriptor.LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
