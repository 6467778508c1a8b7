using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Serenity.Persistence.Sqlite;

/// <summary>
/// Copies the write-ahead log into the database file from a thread of its own, every <c>interval</c>, so that no
/// commit pays for a checkpoint. With SQLite's automatic checkpoint the commit that crosses the threshold copies the
/// whole log and fsyncs the database file before it returns: measured, one order in a hundred then waited for it.
/// Passive checkpoints never block the writer or readers (frames a reader still needs are copied next time), except the
/// last short pass of a run, which holds the file's write gate so that the log can start over (see <c>CatchUp</c>).
/// One per file, shared by the stores on it (<see cref="WalCheckpointers"/>).
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private const int MaxPassesPerRun = 8;
    private static readonly TimeSpan ShortPass = TimeSpan.FromMilliseconds(2); // what arrives meanwhile copies under the gate in less
    private readonly SqliteConnection _connection;
    private long _intervalTicks;
    private readonly ManualResetEventSlim _stop = new();
    private readonly AutoResetEvent _shortened = new(false);
    private readonly Thread _thread;
    private readonly object _writeGate;
    private long _runs;
    private long _failures;

    public WalCheckpointer(SqliteDatabase database, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _intervalTicks = interval.Ticks;
        _connection = database.Open();
        _writeGate = SqliteWriteGate.For(database.Path);
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
            CatchUp();
            Interlocked.Increment(ref _runs);
        }
        catch (SqliteException)
        {
            // A busy or failing checkpoint loses nothing: the frames stay in the log and the next run copies them.
            Interlocked.Increment(ref _failures);
        }
    }

    // SQLite starts the log over only when a write begins after every frame has been copied; under a steady stream of
    // commits a passive checkpoint never gets there (the writer is already appending again when it ends), so the log grew
    // without end (measured: 29 MiB/s at 1,000 orders/s), and every commit that grows the file pays for a slower fsync.
    // So: passes that block no one, each copying what arrived during the one before, until one is short (little can have
    // arrived during it), then one pass under the file's write gate, which copies that little while no writer of this
    // process is inside a transaction. The next commit then starts the log over.
    private void CatchUp()
    {
        for (var pass = 0; pass < MaxPassesPerRun && !_stop.IsSet; pass++)
        {
            var started = Stopwatch.GetTimestamp();
            var (frames, _) = Passive();
            if (frames <= 0) return; // an empty log: nothing to start over
            if (Stopwatch.GetElapsedTime(started) > ShortPass) continue;
            lock (_writeGate) Passive();
            return;
        }
    }

    /// <summary>One passive checkpoint: the frames in the log, and how many of them are now in the database file.</summary>
    private (long Frames, long Copied) Passive()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);"; // frames a reader still needs wait for the next run
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
    }
}
