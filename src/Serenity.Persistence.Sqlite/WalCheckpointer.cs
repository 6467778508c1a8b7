using Microsoft.Data.Sqlite;

namespace Serenity.Persistence.Sqlite;

/// <summary>
/// Copies the write-ahead log into the database file from a thread of its own, every <c>interval</c>, so that no
/// commit pays for a checkpoint. With SQLite's automatic checkpoint the commit that crosses the threshold copies the
/// whole log and fsyncs the database file before it returns: measured, one order in a hundred then waited for it.
/// A passive checkpoint never blocks the writer or readers; frames a reader still needs are copied next time.
/// One per file, shared by the stores on it (<see cref="WalCheckpointers"/>).
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private readonly SqliteConnection _connection;
    private long _intervalTicks;
    private readonly ManualResetEventSlim _stop = new();
    private readonly AutoResetEvent _shortened = new(false);
    private readonly Thread _thread;
    private long _runs;
    private long _failures;

    public WalCheckpointer(SqliteDatabase database, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _intervalTicks = interval.Ticks;
        _connection = database.Open();
        _thread = new Thread(Run) { IsBackground = true, Name = "sqlite-wal-checkpoint" };
        _thread.Start();
    }

    /// <summary>Checkpoints run so far, and the ones that failed.</summary>
    public (long Runs, long Failures) Statistics => (Interlocked.Read(ref _runs), Interlocked.Read(ref _failures));

    /// <summary>Runs at least every <paramref name="interval"/> from the next run on.</summary>
    public void ShortenTo(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        if (interval.Ticks >= Interlocked.Read(ref _intervalTicks)) return;
        Interlocked.Exchange(ref _intervalTicks, interval.Ticks);
        _shortened.Set(); // the thread may be inside a long wait: it starts the new one now
    }

    /// <summary>Stops the thread after its current checkpoint. (SQLite checkpoints the whole log when the file's last connection closes.)</summary>
    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _connection.Dispose();
        _stop.Dispose();
        _shortened.Dispose();
    }

    private void Run()
    {
        WaitHandle[] wakers = [_stop.WaitHandle, _shortened];
        while (true)
        {
            switch (WaitHandle.WaitAny(wakers, TimeSpan.FromTicks(Interlocked.Read(ref _intervalTicks))))
            {
                case 0: return;
                case 1: continue;
                default: CheckpointOnce(); break;
            }
        }
    }

    private void CheckpointOnce()
    {
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);"; // frames a reader still needs wait for the next run
            command.ExecuteNonQuery();
            Interlocked.Increment(ref _runs);
        }
        catch (SqliteException)
        {
            // A busy or failing checkpoint loses nothing: the frames stay in the log and the next run copies them.
            Interlocked.Increment(ref _failures);
        }
    }
}
