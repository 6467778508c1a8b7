namespace Serenity.Actors;

/// <summary>Actors that set messages aside with <see cref="IStash"/>; the kernel fills in <see cref="Stash"/>.</summary>
public interface IWithStash
{
    /// <summary>The actor's stash, set by the kernel right after construction (use it from PreStart on).</summary>
    IStash Stash { get; set; }
}

/// <summary>Messages set aside to handle later, in their original order.</summary>
public interface IStash
{
    /// <summary>How many messages are stashed.</summary>
    int Count { get; }

    /// <summary>Sets the current message aside. Stashing the same message twice is an error.</summary>
    void Stash();

    /// <summary>Puts the oldest stashed message back at the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts all stashed messages back at the front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Puts back those matching <paramref name="predicate"/>; the others stay stashed.</summary>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Empties the stash and returns what it held.</summary>
    IReadOnlyList<Envelope> ClearStash();
}

internal sealed class ActorStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = [];
    private long _lastStashedDelivery;

    public int Count => _stashed.Count;

    public void Stash()
    {
        var current = cell.CurrentEnvelope;
        // "The same message" is the same delivery: a singleton message sent twice is two messages.
        if (_lastStashedDelivery == cell.DeliveryNumber)
        {
            throw new IllegalActorStateException($"Can't stash the same message [{current.Message}] twice");
        }
        _lastStashedDelivery = cell.DeliveryNumber;
        _stashed.Add(current);
    }

    public void Unstash()
    {
        if (_stashed.Count == 0) return;
        var first = _stashed[0];
        _stashed.RemoveAt(0);
        cell.PrependToMailbox([first]);
    }

    public void UnstashAll()
    {
        if (_stashed.Count == 0) return; // a persistent actor asks after every write: nothing to allocate when nothing waits
        var back = _stashed.ToArray();
        _stashed.Clear();
        cell.PrependToMailbox(back);
    }

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        if (_stashed.Count == 0) return;
        var back = _stashed.FindAll(e => predicate(e));
        if (back.Count == 0) return;
        _stashed.RemoveAll(e => predicate(e));
        cell.PrependToMailbox(back);
    }

    public IReadOnlyList<Envelope> ClearStash()
    {
        var all = _stashed.ToArray();
        _stashed.Clear();
        return all;
    }
}
