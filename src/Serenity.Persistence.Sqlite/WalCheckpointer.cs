using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Serenity.Persistence.Sqlite;

/// <summary>
/// Copies the write-ahead log into the database file from a thread of its own, every <c>interval</c>, so that no
/// commit pays for a checkpoint. With SQLite's automatic checkpoint the commit that crosses the threshold copies the
/// whole log and fsyncs the database file before it returns: measured, one order in a hundred then waited for it.
/// Passive checkpoints never block the writer or readers (frames a reader still needs are copied next time), except the
/// last short pass before the log starts over, which holds the file's write gate (see <c>StartLogOver</c>).
/// One per file, shared by the stores on it (<see cref="WalCheckpointers"/>).
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private const int MaxPassesPerRestart = 8;
    private static readonly TimeSpan ShortPass = TimeSpan.FromMilliseconds(2); // what arrives meanwhile copies under the gate in less
    private readonly SqliteConnection _connection;
    private readonly long _pageSize;
    private readonly object _scheduleLock = new();
    private CheckpointSchedule _schedule;
    private readonly ManualResetEventSlim _stop = new();
    private readonly AutoResetEvent _tightened = new(false);
    private readonly Thread _thread;
    private readonly object _writeGate;
    private readonly string _databasePath;
    private long _runs;
    private long _failures;
    private readonly List<(long Runs, TaskCompletionSource Reached)> _runWaiters = [];
    private long _restarts;

    public WalCheckpointer(SqliteDatabase database, CheckpointSchedule schedule)
    {
        _schedule = schedule;
        _connection = database.Open();
        _pageSize = PageSize(_connection);
        _writeGate = SqliteWriteGate.For(database.Path);
        _databasePath = database.Path;
        _thread = new Thread(Run) { IsBackground = true, Name = "sqlite-wal-checkpoint" };
        _thread.Start();
    }

    /// <summary>Checkpoints run so far, and the ones that failed.</summary>
    public (long Runs, long Failures) Statistics => (Interlocked.Read(ref _runs), Interlocked.Read(ref _failures));

    /// <summary>Completes once <paramref name="runs"/> checkpoints have run (failed ones not counted); cancelled if the thread stops first.</summary>
    public Task RunsReachedAsync(long runs)
    {
        lock (_runWaiters)
        {
            if (Interlocked.Read(ref _runs) >= runs) return Task.CompletedTask;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _runWaiters.Add((runs, reached));
            return reached.Task;
        }
    }

    /// <summary>How often a full log was made to start over (<c>log-restart-size</c>).</summary>
    public long LogRestarts => Interlocked.Read(ref _restarts);

    // The schedule in force: the tightest any store asked for.
    private CheckpointSchedule Schedule
    {
        get
        {
            lock (_scheduleLock) return _schedule;
        }
    }

    /// <summary>From the next run on, runs at least as often and starts the log over at least as early as <paramref name="schedule"/>.</summary>
    public void Tighten(CheckpointSchedule schedule)
    {
        lock (_scheduleLock)
        {
            var tighter = _schedule.Tighter(schedule);
            if (tighter == _schedule) return;
            _schedule = tighter;
        }
        _tightened.Set(); // the thread may be inside a long wait: it starts the new one now
    }

    /// <summary>Stops the thread after its current checkpoint. (SQLite checkpoints the whole log when the file's last connection closes.)</summary>
    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        lock (_runWaiters)
        {
            foreach (var (_, reached) in _runWaiters) reached.TrySetCanceled();
            _runWaiters.Clear();
        }
        _connection.Dispose();
        _stop.Dispose();
        _tightened.Dispose();
    }

    private void Run()
    {
        WaitHandle[] wakers = [_stop.WaitHandle, _tightened];
        while (true)
        {
            switch (WaitHandle.WaitAny(wakers, Schedule.Interval))
            {
                case 0: return;
                case 1: continue;
                default: CheckpointOnce(); break;
            }
        }
    }

    // Short passes often rather than long ones seldom: a pass copies the pages written since the one before, and one a
    // second copied thousands at 1,000 orders/s, a burst of 5-8 ms on one of the two cores beside the order flow.
    private void CheckpointOnce()
    {
        try
        {
            var (frames, _) = Passive();
            if (frames * _pageSize >= Schedule.LogRestartBytes) StartLogOver();
            CompleteWaiters(Interlocked.Increment(ref _runs));
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
    // So, once the log is full: passes that block no one, each copying what arrived during the one before, until one is
    // short (little can have arrived during it), then one pass under the file's write gate, which copies that little while
    // no writer of this process is inside a transaction. The next commit then starts the log over.
    private void StartLogOver()
    {
        for (var pass = 0; pass < MaxPassesPerRestart && !_stop.IsSet; pass++)
        {
            var started = Stopwatch.GetTimestamp();
            var (frames, _) = Passive();
            if (frames <= 0) return; // started over meanwhile
            if (Stopwatch.GetElapsedTime(started) > ShortPass) continue;
            // SQLite syncs the database file only in a pass that copies the whole log, here the gated one: so that sync
            // wrote every page the passes before it had copied. Measured at 1,000 orders/s, it held the gate 3-5 ms in
            // one run of two. Flushed here first, ungated, the sync under the gate finds only the last few pages.
            DatabaseFileFlush.TryFlush(_databasePath);
            lock (_writeGate) Passive();
            Interlocked.Increment(ref _restarts);
            return;
        }
    }

    private void CompleteWaiters(long runs)
    {
        lock (_runWaiters)
        {
            for (var i = _runWaiters.Count - 1; i >= 0; i--)
            {
                if (_runWaiters[i].Runs > runs) continue;
                _runWaiters[i].Reached.TrySetResult();
                _runWaiters.RemoveAt(i);
            }
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

    private static long PageSize(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size;";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
