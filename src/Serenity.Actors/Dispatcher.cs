namespace Serenity.Actors;

/// <summary>
/// Runs mailboxes on the .NET thread pool. A mailbox processes at most <see cref="Throughput"/>
/// messages per turn, then goes to the back of the global queue, so one busy actor cannot starve others.
/// <para>
/// Hand-off: when an actor's Tell wakes an idle mailbox, that mailbox is kept in a per-thread slot and
/// run on the same thread right after the current turn, instead of going through the pool. A
/// request/reply chain then stays on one warm core with no queueing or wake-ups. The slot holds
/// one mailbox (an older one is pushed to the pool), and a thread runs at most
/// <see cref="MaxHandOffStreak"/> hand-offs in a row before it yields to the pool, so other work is not starved.
/// </para>
/// <para>
/// Wake-up batches: a producer outside actors that wakes many idle mailboxes in one go (a stream
/// interpreter publishing to thousands of subscribers) opens a batch on its thread; the mailboxes it wakes
/// are then queued to the pool <see cref="WakeUpBatch.Capacity"/> at a time as one work item that runs them
/// one after the other, instead of one pool item (and possibly one worker wake-up) each. A batch goes to the
/// pool when full, when the producer's turn ends and before an Ask, so a woken mailbox waits at most for
/// the rest of that turn.
/// </para>
/// </summary>
internal sealed class Dispatcher(string id, int throughput)
{
    /// <summary>Hand-offs a thread runs in a row before going back to the pool.</summary>
    public const int MaxHandOffStreak = 64;

    [ThreadStatic]
    private static ActorCell? t_handOff;

    [ThreadStatic]
    private static int t_turnDepth;

    [ThreadStatic]
    private static Queue<IThreadPoolWorkItem>? t_afterTurn;

    [ThreadStatic]
    private static int t_batchDepth;

    [ThreadStatic]
    private static WakeUpBatch? t_wakeUps;

    public string Id { get; } = id;

    public int Throughput { get; } = throughput;

    /// <summary>Schedules a mailbox woken by a Tell: hand-off inside a turn, the pool otherwise.</summary>
    public void ScheduleFromTell(ActorCell mailbox)
    {
        if (t_turnDepth == 0)
        {
            if (t_batchDepth > 0)
            {
                AddToWakeUpBatch(mailbox);
                return;
            }
            // Outside actors the caller may stay busy after the Tell: a local queue could then strand the
            // mailbox behind it while busy actors keep the global queue full. Global is always fair.
            Schedule(mailbox, preferLocal: false);
            return;
        }
        var previous = t_handOff;
        t_handOff = mailbox;
        if (previous is not null) previous.Dispatcher.Schedule(previous, preferLocal: true);
    }

    public void Schedule(IThreadPoolWorkItem mailbox, bool preferLocal) =>
        ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal);

    /// <summary>True while an actor's turn runs on this thread.</summary>
    public static bool InTurn => t_turnDepth > 0;

    /// <summary>
    /// Runs <paramref name="work"/> on this thread as soon as the current turn ends (outside any actor),
    /// or on the pool when no turn is running. Ask replies use it: the awaiting code continues right
    /// after the replying actor's turn, on the same warm thread, never inside the actor.
    /// </summary>
    public static void RunAfterTurn(IThreadPoolWorkItem work)
    {
        if (t_turnDepth == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
            return;
        }
        (t_afterTurn ??= new Queue<IThreadPoolWorkItem>()).Enqueue(work);
    }

    /// <summary>Runs the work deferred by <see cref="RunAfterTurn"/>; false if there was none.</summary>
    public static bool RunDeferred()
    {
        if (t_afterTurn is not { Count: > 0 } queue) return false;
        // A mailbox handed off during the turn must not wait behind user continuations.
        if (TakeHandOff() is { } next) next.Dispatcher.Schedule(next, preferLocal: false);
        while (queue.TryDequeue(out var work)) work.Execute();
        return true;
    }

    public static void EnterTurn() => t_turnDepth++;

    public static void ExitTurn() => t_turnDepth--;

    /// <summary>
    /// Sends a pending hand-off to the pool, where any thread can run it. An Ask from inside an actor
    /// calls this: if the asker then blocks on the answer, the target must not wait on its thread.
    /// </summary>
    public static void FlushHandOff()
    {
        if (TakeHandOff() is { } next) next.Dispatcher.Schedule(next, preferLocal: false);
    }

    /// <summary>Opens a wake-up batch on this thread (see the class remarks); pair with <see cref="EndWakeUpBatch"/>.</summary>
    public static void BeginWakeUpBatch() => t_batchDepth++;

    /// <summary>Closes the batch opened last; the outermost close sends what is pending to the pool.</summary>
    public static void EndWakeUpBatch()
    {
        if (--t_batchDepth == 0) FlushWakeUps();
    }

    /// <summary>Sends the mailboxes woken in this thread's open batch to the pool now.</summary>
    public static void FlushWakeUps()
    {
        if (t_wakeUps is not { Count: > 0 } batch) return;
        t_wakeUps = null;
        // One mailbox needs no batch around it.
        ThreadPool.UnsafeQueueUserWorkItem(batch.Count == 1 ? batch.TakeSingle() : batch, preferLocal: false);
    }

    private static void AddToWakeUpBatch(ActorCell mailbox)
    {
        var batch = t_wakeUps ??= new WakeUpBatch();
        if (!batch.Add(mailbox)) return;
        t_wakeUps = null;
        ThreadPool.UnsafeQueueUserWorkItem(batch, preferLocal: false);
    }

    /// <summary>Takes the mailbox handed off during the last turn, if any.</summary>
    public static ActorCell? TakeHandOff()
    {
        var next = t_handOff;
        t_handOff = null;
        return next;
    }
}

/// <summary>The configured dispatchers, by config path.</summary>
internal sealed class Dispatchers(Settings settings)
{
    private readonly Dictionary<string, Dispatcher> _byId = new(StringComparer.Ordinal);

    public Dispatcher Default { get; } = new(Settings.DefaultDispatcherId, settings.DefaultThroughput);

    public Dispatcher Lookup(string? id)
    {
        if (id is null || id == Settings.DefaultDispatcherId) return Default;
        lock (_byId)
        {
            if (!_byId.TryGetValue(id, out var d))
            {
                if (!settings.Config.HasPath(id))
                {
                    throw new ArgumentException($"Dispatcher [{id}] is not configured (no such path in the configuration)", nameof(id));
                }
                d = new Dispatcher(id, settings.Config.GetInt(id + ".throughput", settings.DefaultThroughput));
                _byId[id] = d;
            }
            return d;
        }
    }
}
