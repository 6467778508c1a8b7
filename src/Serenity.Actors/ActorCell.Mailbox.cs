namespace Serenity.Actors;

/// <summary>The mailbox: lock-free user queue, intrusive system list, and the scheduling state machine.</summary>
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private const int Scheduled = 1;   // queued on, or running on, the dispatcher
    private const int Suspended = 2;   // user messages wait (not created yet, failed, awaiting a task, stopping)
    private const int Closed = 4;      // terminated: everything goes to dead letters

    private static readonly SystemMessage ClosedSentinel = new Create();

    private readonly MpscQueue<Envelope> _queue = new();
    private readonly int? _capacity;
    private int _queuedCount;
    private int _status = Suspended;
    private SystemMessage? _systemHead;
    private LinkedList<Envelope>? _unstashed;

    internal bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;

    /// <summary>Enqueues a user message; from any thread. Allocation-free for an unbounded mailbox.</summary>
    internal void Post(object message, IActorRef? sender)
    {
        if (_capacity is { } capacity && Interlocked.Increment(ref _queuedCount) > capacity)
        {
            Interlocked.Decrement(ref _queuedCount);
            _system.DeadLetter(message, sender, _self);
            return;
        }
        _queue.Enqueue(new Envelope(message, sender));
        var fenced = false;
        while (true)
        {
            var s = Volatile.Read(ref _status);
            if ((s & Closed) != 0)
            {
                DrainUserMessagesToDeadLetters();
                return;
            }
            if (s != 0)
            {
                // Scheduled or on hold: the running turn (or whoever lifts the hold) clears its flag and then looks for
                // messages, so leaving the wake-up to it is safe only once this enqueue is visible. Without a full fence
                // the status read may overtake the enqueue's store (x86 reorders a store and a later load): both sides
                // miss each other and the message waits in an idle mailbox for good (the backtest stall, once in
                // millions of messages). The fence is paid only here; the wake-up path's CAS is a full fence already.
                if (fenced) return;
                Interlocked.MemoryBarrier();
                fenced = true;
                continue;
            }
            if (Interlocked.CompareExchange(ref _status, Scheduled, 0) == 0)
            {
                Dispatcher.ScheduleFromTell(this);
                return;
            }
        }
    }

    /// <summary>Pushes a system message onto the lock-free list; it overtakes user messages.</summary>
    internal void SendSystemMessage(SystemMessage message)
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (ReferenceEquals(head, ClosedSentinel))
            {
                HandleSystemMessageWhenClosed(message);
                return;
            }
            message.Next = head;
            if (ReferenceEquals(Interlocked.CompareExchange(ref _systemHead, message, head), head)) break;
        }
        while (true)
        {
            var s = Volatile.Read(ref _status);
            if ((s & (Scheduled | Closed)) != 0) return;
            if (Interlocked.CompareExchange(ref _status, s | Scheduled, s) == s)
            {
                Dispatcher.Schedule(this, preferLocal: false);
                return;
            }
        }
    }

    /// <summary>
    /// Thread-pool entry: runs this mailbox's turn, then any mailbox handed off to this thread by a
    /// Tell during the turn (see <see cref="Dispatcher"/>), up to a bounded streak.
    /// </summary>
    public void Execute()
    {
        var cell = this;
        var streak = 0;
        while (true)
        {
            cell.RunTurn();
            if (Dispatcher.RunDeferred()) return;
            var next = Dispatcher.TakeHandOff();
            if (next is null) return;
            if (++streak >= Dispatcher.MaxHandOffStreak)
            {
                next.Dispatcher.Schedule(next, preferLocal: false);
                return;
            }
            cell = next;
        }
    }

    /// <summary>One turn: system messages, then up to <c>throughput</c> user messages.</summary>
    private void RunTurn()
    {
        var previous = t_current;
        t_current = this;
        Dispatcher.EnterTurn();
        try
        {
            if (!ProcessSystemMessages()) return;
            var left = Dispatcher.Throughput;
            while ((Volatile.Read(ref _status) & (Suspended | Closed)) == 0 && TryTakeUserMessage(out var envelope))
            {
                Invoke(envelope);
                if (Volatile.Read(ref _systemHead) is not null && !ProcessSystemMessages()) return;
                if (--left == 0) break;
            }
        }
        finally
        {
            Dispatcher.ExitTurn();
            t_current = previous;
            if (!IsClosed)
            {
                Interlocked.And(ref _status, ~Scheduled);
                if (HasWork()) RescheduleAfterTurn();
            }
        }
    }

    private void RescheduleAfterTurn()
    {
        while (true)
        {
            var s = Volatile.Read(ref _status);
            if ((s & (Scheduled | Closed)) != 0) return;
            if (Interlocked.CompareExchange(ref _status, s | Scheduled, s) == s)
            {
                Dispatcher.Schedule(this, preferLocal: false); // to the back of the line: fairness
                return;
            }
        }
    }

    private bool HasWork()
    {
        var head = Volatile.Read(ref _systemHead);
        if (head is not null && !ReferenceEquals(head, ClosedSentinel)) return true;
        return (Volatile.Read(ref _status) & Suspended) == 0 && (_unstashed is { Count: > 0 } || _queue.HasItems);
    }

    /// <summary>The mailbox's state when it holds or awaits work (null when idle and empty); see <see cref="MailboxDiagnostics"/>.</summary>
    internal string? DescribeMailbox()
    {
        var status = Volatile.Read(ref _status);
        var queued = _queue.HasItems || _unstashed is { Count: > 0 };
        var system = Volatile.Read(ref _systemHead) is { } head && !ReferenceEquals(head, ClosedSentinel);
        if (!queued && !system && (status & Scheduled) == 0) return null;
        return $"status {((status & Scheduled) != 0 ? "scheduled" : "idle")}{((status & Suspended) != 0 ? ", on hold" : "")}{((status & Closed) != 0 ? ", closed" : "")}, user messages {(queued ? "queued" : "none")}, system messages {(system ? "queued" : "none")}";
    }

    private bool TryTakeUserMessage(out Envelope envelope)
    {
        if (_unstashed is { First: { } first })
        {
            envelope = first.Value;
            _unstashed.RemoveFirst();
            return true;
        }
        if (!_queue.TryDequeue(out envelope))
        {
            _queue.TrimWhenEmpty(); // give back the ring a burst left behind
            return false;
        }
        if (_capacity is not null) Interlocked.Decrement(ref _queuedCount);
        return true;
    }

    /// <summary>Puts envelopes back at the very front of the mailbox, in the given order (unstash).</summary>
    internal void PrependToMailbox(IReadOnlyList<Envelope> envelopes)
    {
        _unstashed ??= new LinkedList<Envelope>();
        for (var i = envelopes.Count - 1; i >= 0; i--) _unstashed.AddFirst(envelopes[i]);
    }

    /// <summary>Recomputes whether user messages must wait, and mirrors it in the status for producers.</summary>
    private void UpdateSuspended()
    {
        var hold = _actor is null || _suspendCount > 0 || _awaitingTask || _terminating || _recreatePending is not null;
        if (hold) Interlocked.Or(ref _status, Suspended);
        else Interlocked.And(ref _status, ~Suspended);
    }

    /// <summary>After close: the mailbox's content and later arrivals become dead letters.</summary>
    private void DrainUserMessagesToDeadLetters()
    {
        lock (_queue)
        {
            if (_unstashed is not null)
            {
                foreach (var e in _unstashed) _system.DeadLetter(e.Message, e.Sender, _self);
                _unstashed = null;
            }
            while (_queue.TryDequeue(out var e)) _system.DeadLetter(e.Message, e.Sender, _self);
        }
    }

    private void HandleSystemMessageWhenClosed(SystemMessage message)
    {
        if (message is Watch w && ReferenceEquals(w.Watchee, _self) && !ReferenceEquals(w.Watcher, _self))
        {
            w.Watcher.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
        }
    }
}
