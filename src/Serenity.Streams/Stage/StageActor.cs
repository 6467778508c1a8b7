using Serenity.Actors;
using Serenity.Streams.Implementation.Fusing;

namespace Serenity.Streams.Stage;

/// <summary>
/// An actor ref that delivers its messages to a stage, on the stage's interpreter (Akka's stage actor).
/// It can watch actors: their termination arrives as <see cref="Terminated"/>. It is terminated when
/// the stage stops; later messages go to dead letters.
/// </summary>
public sealed class StageActor
{
    private readonly GraphStageLogic _logic;
    private readonly StageActorRef _ref;
    private Action<(IActorRef Sender, object Message)> _behaviour;

    internal StageActor(GraphStageLogic logic, ActorSystem system, Action<(IActorRef Sender, object Message)> receive)
    {
        _logic = logic;
        _behaviour = receive;
        _ref = new StageActorRef(this, system);
    }

    /// <summary>The ref to send messages to.</summary>
    public IActorRef Ref => _ref;

    /// <summary>Replaces the receive function.</summary>
    public void Become(Action<(IActorRef Sender, object Message)> receive) => _behaviour = receive ?? throw new ArgumentNullException(nameof(receive));

    /// <summary>Watches <paramref name="actor"/>: its end arrives as <see cref="Terminated"/>.</summary>
    public void Watch(IActorRef actor)
    {
        if (actor is IInternalActorRef target) target.SendSystemMessage(new Actors.Watch(target, _ref));
    }

    /// <summary>Stops watching <paramref name="actor"/>.</summary>
    public void Unwatch(IActorRef actor)
    {
        if (actor is IInternalActorRef target) target.SendSystemMessage(new Actors.Unwatch(target, _ref));
    }

    internal void Stop() => _ref.Stop();

    private void Deliver(IActorRef sender, object message) => _logic.PostAsync(new MessageEvent(_logic, this, sender, message));

    private sealed class MessageEvent(GraphStageLogic logic, StageActor actor, IActorRef sender, object message) : AsyncEvent(logic)
    {
        public override void Run() => actor._behaviour((sender, message));
    }

    private sealed class StageActorRef(StageActor actor, ActorSystem system)
        : MinimalActorRef(NextPath(system))
    {
        private static long s_counter;
        private readonly List<IInternalActorRef> _watchers = [];
        private bool _stopped;

        internal override bool IsTerminated
        {
            get
            {
                lock (_watchers) return _stopped;
            }
        }

        public override void Tell(object message, IActorRef? sender)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (IsTerminated)
            {
                system.DeadLetters.Tell(new DeadLetter(message, sender, this), sender);
                return;
            }
            actor.Deliver(sender ?? system.DeadLetters, message);
        }

        internal override void SendSystemMessage(SystemMessage message)
        {
            switch (message)
            {
                case DeathWatchNotification n:
                    actor.Deliver(n.Actor, new Terminated(n.Actor, n.ExistenceConfirmed, false));
                    break;
                case Actors.Watch w when ReferenceEquals(w.Watchee, this):
                    lock (_watchers)
                    {
                        if (!_stopped)
                        {
                            _watchers.Add(w.Watcher);
                            return;
                        }
                    }
                    w.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
                    break;
                case Actors.Unwatch u when ReferenceEquals(u.Watchee, this):
                    lock (_watchers) _watchers.Remove(u.Watcher);
                    break;
            }
        }

        private static ActorPath NextPath(ActorSystem system)
        {
            var id = Interlocked.Increment(ref s_counter);
            return ((ActorSystemImpl)system).TempPath.Child("$stage" + id, id);
        }

        public void Stop()
        {
            IInternalActorRef[] watchers;
            lock (_watchers)
            {
                if (_stopped) return;
                _stopped = true;
                watchers = [.. _watchers];
                _watchers.Clear();
            }
            foreach (var w in watchers) w.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
        }
    }
}
