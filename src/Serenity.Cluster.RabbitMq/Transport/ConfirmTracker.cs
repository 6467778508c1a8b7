namespace Serenity.Cluster.RabbitMq.Transport;

/// <summary>
/// Publisher confirms, pipelined: each publish registers its sequence number; the broker's acks (one or
/// many at a time) complete the waiting tasks, nacks fail them, and a closed channel fails every one
/// still waiting. Publishing itself never waits for a confirm, so messages stay in order and flow.
/// </summary>
internal sealed class ConfirmTracker
{
    private readonly SortedDictionary<ulong, TaskCompletionSource?> _waiting = [];
    private readonly object _gate = new();
    private TaskCompletionSource? _room;
    private int _roomBelow;

    /// <summary>The publish with sequence number <paramref name="sequenceNumber"/> completes <paramref name="done"/> when confirmed.</summary>
    public void Register(ulong sequenceNumber, TaskCompletionSource? done)
    {
        lock (_gate) _waiting[sequenceNumber] = done;
    }

    /// <summary>The broker took <paramref name="tag"/> (and every earlier one if <paramref name="multiple"/>).</summary>
    public void Ack(ulong tag, bool multiple) => Complete(tag, multiple, null);

    /// <summary>The broker refused <paramref name="tag"/> (and every earlier one if <paramref name="multiple"/>), e.g. a full bounded queue.</summary>
    public void Nack(ulong tag, bool multiple) => Complete(tag, multiple, new InvalidOperationException("the broker refused the message (a bounded queue is full, or it failed to store it)"));

    /// <summary>Every publish still waiting fails (the channel closed before confirming).</summary>
    public void FailAll(string reason)
    {
        List<TaskCompletionSource?> failed;
        lock (_gate)
        {
            failed = [.. _waiting.Values];
            _waiting.Clear();
        }
        SignalRoom();
        foreach (var t in failed) t?.TrySetException(new InvalidOperationException($"not confirmed: {reason}"));
    }

    /// <summary>Completes once fewer than <paramref name="limit"/> publishes wait for their confirm (at once if already so).</summary>
    public Task RoomAsync(int limit)
    {
        lock (_gate)
        {
            if (_waiting.Count < limit) return Task.CompletedTask;
            _roomBelow = limit;
            _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _room.Task;
        }
    }

    /// <summary>How many publishes wait for their confirm.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _waiting.Count;
        }
    }

    private void Complete(ulong tag, bool multiple, Exception? failure)
    {
        var done = new List<TaskCompletionSource?>();
        lock (_gate)
        {
            if (multiple)
            {
                foreach (var key in _waiting.Keys.TakeWhile(k => k <= tag).ToList())
                {
                    done.Add(_waiting[key]);
                    _waiting.Remove(key);
                }
            }
            else if (_waiting.Remove(tag, out var one))
            {
                done.Add(one);
            }
        }
        SignalRoom();
        foreach (var t in done)
        {
            if (failure is null) t?.TrySetResult();
            else t?.TrySetException(failure);
        }
    }

    private void SignalRoom()
    {
        TaskCompletionSource? room;
        lock (_gate)
        {
            if (_room is null || _waiting.Count >= _roomBelow) return;
            room = _room;
            _room = null;
        }
        room.TrySetResult();
    }
}
