using Serenity.Persistence.Journal;

namespace Serenity.Persistence.Sqlite.Tests;

/// <summary>
/// A deferred write commits with <c>synchronous = NORMAL</c> (the log written, not synced); the next synced write or
/// delete switches back to <c>FULL</c>, whose fsync of the log covers the deferred commits before it.
/// </summary>
public sealed class DeferredCommitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string DatabasePath => Path.Combine(_folder.Path, "journal.db");

    [Fact]
    public async Task Only_deferred_writes_commit_without_a_sync_and_a_synced_write_or_delete_syncs_again()
    {
        await using var journal = new SqliteJournalStore(DatabasePath);
        await journal.InitializeAsync(CancellationToken.None);

        await journal.WriteDeferredAsync([[Row("p", 1)]], CancellationToken.None);
        Assert.False(journal.LastCommitSynced);
        await journal.WriteAsync([[Row("p", 2)]], CancellationToken.None);
        Assert.True(journal.LastCommitSynced);
        await journal.WriteDeferredAsync([[Row("p", 3)]], CancellationToken.None);
        await journal.DeleteMessagesToAsync("p", 1, CancellationToken.None);
        Assert.True(journal.LastCommitSynced);
    }

    [Fact]
    public async Task Deferred_writes_are_in_the_file_after_it_is_closed_and_opened_again()
    {
        await using (var journal = new SqliteJournalStore(DatabasePath))
        {
            await journal.InitializeAsync(CancellationToken.None);
            await journal.WriteDeferredAsync([[Row("p", 1), Row("p", 2)]], CancellationToken.None);
        }

        await using var reopened = new SqliteJournalStore(DatabasePath);
        await reopened.InitializeAsync(CancellationToken.None);
        var seqs = new List<long>();
        await reopened.ReplayAsync("p", 1, long.MaxValue, long.MaxValue, r => seqs.Add(r.SequenceNr), CancellationToken.None);
        Assert.Equal([1L, 2L], seqs);
    }

    public void Dispose() => _folder.Dispose();

    private static JournalRow Row(string persistenceId, long sequenceNr) =>
        new(persistenceId, sequenceNr, "e.v1", [1, 2, 3], [], "w", DateTimeOffset.UnixEpoch);
}
