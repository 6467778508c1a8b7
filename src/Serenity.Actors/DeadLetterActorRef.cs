namespace Serenity.Actors;

/// <summary>
/// Undeliverable messages: counted, published on the event stream as <see cref="DeadLetter"/>, and the
/// first <c>serenity.log-dead-letters</c> of them logged.
/// </summary>
internal sealed class DeadLetterActorRef(ActorSystemImpl system, ActorPath path) : MinimalActorRef(path)
{
    private long _count;

    public long Count => Volatile.Read(ref _count);

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Publish(message as DeadLetter ?? new DeadLetter(message, sender, this));
    }

    public void Publish(DeadLetter letter)
    {
        var n = Interlocked.Increment(ref _count);
        if (letter.Message is DeadLetter) return; // a dead subscriber of dead letters: stop the loop here
        system.EventStream.Publish(letter);
        var settings = system.Settings;
        if (n <= settings.LogDeadLetters && (!system.IsTerminating || settings.LogDeadLettersDuringShutdown))
        {
            system.Log.Info(
                $"Message [{letter.Message.GetType().Name}] from {letter.Sender?.Path.ToString() ?? "NoSender"} to {letter.Recipient.Path} was not delivered. [{n}] dead letters encountered"
                + (n == settings.LogDeadLetters ? ", no more dead letters will be logged (serenity.log-dead-letters)." : "."));
        }
    }

    internal override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch w) w.Watcher.SendSystemMessage(new DeathWatchNotification(w.Watchee, existenceConfirmed: false));
    }
}
