namespace Serenity.Persistence.Sqlite;

/// <summary>
/// The background checkpointer of each database file, shared by the stores of this process on it (the journal and the
/// snapshot store share a file by default). No connection of Serenity checkpoints on commit (<c>wal_autocheckpoint = 0</c>):
/// a snapshot save that crossed SQLite's threshold used to copy the log into the file inside its commit, holding the
/// file's write lock for 7–12 ms while every order's journal write waited. The thread keeps the tightest schedule any of the
/// stores asked for (<see cref="CheckpointSchedule"/>), and stops when the last of them lets go.
/// </summary>
internal static class WalCheckpointers
{
    private static readonly object s_lock = new();
    private static readonly Dictionary<string, (WalCheckpointer Checkpointer, int Users)> s_byPath = new(StringComparer.Ordinal);

    /// <summary>A hold on the file's checkpointer, started if it is the first; disposing it lets go.</summary>
    public static Lease Acquire(SqliteDatabase database, CheckpointSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(database);
        lock (s_lock)
        {
            if (s_byPath.TryGetValue(database.Path, out var entry)) entry.Checkpointer.Tighten(schedule);
            else entry = (new WalCheckpointer(database, schedule), 0);
            s_byPath[database.Path] = (entry.Checkpointer, entry.Users + 1);
            return new Lease(database.Path, entry.Checkpointer);
        }
    }

    private static void Release(string path)
    {
        lock (s_lock)
        {
            var (checkpointer, users) = s_byPath[path];
            if (users > 1)
            {
                s_byPath[path] = (checkpointer, users - 1);
                return;
            }
            s_byPath.Remove(path);
            checkpointer.Dispose(); // closing what may be the file's last connection checkpoints the whole log
        }
    }

    /// <summary>One store's hold on its file's checkpointer.</summary>
    internal sealed class Lease(string path, WalCheckpointer checkpointer) : IDisposable
    {
        private int _released;

        /// <summary>The file's checkpoints so far: runs and failed runs.</summary>
        public (long Runs, long Failures) Statistics => checkpointer.Statistics;

        /// <summary>Completes once the file's checkpointer has run <paramref name="runs"/> times.</summary>
        public Task RunsReachedAsync(long runs) => checkpointer.RunsReachedAsync(runs);

        /// <summary>The file's gated passes that let a full log start over.</summary>
        public long LogRestarts => checkpointer.LogRestarts;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) Release(path);
        }
    }
}
