namespace Serenity.Actors;

/// <summary>
/// Mailboxes woken together by one producer, run one after the other as a single thread-pool work item
/// (see <see cref="Dispatcher"/>). Each still runs one turn of at most <c>throughput</c> messages and
/// goes back to the pool on its own if it has more, so per-actor order and fairness are those of the pool.
/// </summary>
internal sealed class WakeUpBatch : IThreadPoolWorkItem
{
    /// <summary>Mailboxes per batch: enough to make queueing rare, few enough to keep the later ones waiting briefly.</summary>
    public const int Capacity = 32;

    private readonly ActorCell?[] _mailboxes = new ActorCell?[Capacity];

    public int Count { get; private set; }

    /// <summary>Adds a woken mailbox; true when the batch is now full.</summary>
    public bool Add(ActorCell mailbox)
    {
        _mailboxes[Count++] = mailbox;
        return Count == Capacity;
    }

    /// <summary>The only mailbox of a batch of one.</summary>
    public ActorCell TakeSingle() => _mailboxes[0]!;

    public void Execute()
    {
        for (var i = 0; i < Count; i++)
        {
            var mailbox = _mailboxes[i]!;
            _mailboxes[i] = null;
            mailbox.Execute();
        }
    }
}
