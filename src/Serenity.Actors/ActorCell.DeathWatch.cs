namespace Serenity.Actors;

/// <summary>Watch/Unwatch and <see cref="Terminated"/> delivery.</summary>
internal sealed partial class ActorCell
{
    private HashSet<IActorRef>? _watching;
    private HashSet<IActorRef>? _watchedBy;
    private HashSet<IActorRef>? _terminatedQueued;

    public IActorRef Watch(IActorRef subject)
    {
        if (subject is IInternalActorRef r && !subject.Equals(_self) && (_watching ??= []).Add(subject))
        {
            r.SendSystemMessage(new Watch(r, _self));
        }
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        if (subject is IInternalActorRef r && _watching is not null && _watching.Remove(subject))
        {
            r.SendSystemMessage(new Unwatch(r, _self));
        }
        _terminatedQueued?.Remove(subject); // a Terminated already in the mailbox is then dropped
        return subject;
    }

    private void AddWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (ReferenceEquals(watchee, _self) && !ReferenceEquals(watcher, _self)) (_watchedBy ??= []).Add(watcher);
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (ReferenceEquals(watchee, _self)) _watchedBy?.Remove(watcher);
    }

    private void OnWatchedActorTerminated(IActorRef actor, bool existenceConfirmed)
    {
        if (_watching is null || !_watching.Remove(actor) || _terminating) return;
        (_terminatedQueued ??= []).Add(actor);
        Post(new Terminated(actor, existenceConfirmed, AddressTerminated: false), actor);
    }

    private void UnwatchAll()
    {
        if (_watching is null) return;
        foreach (var w in _watching) ((IInternalActorRef)w).SendSystemMessage(new Unwatch((IInternalActorRef)w, _self));
        _watching.Clear();
    }

    private void NotifyWatchersOfTermination()
    {
        if (_watchedBy is null) return;
        foreach (var watcher in _watchedBy)
        {
            ((IInternalActorRef)watcher).SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
        }
        _watchedBy = null;
    }
}
