namespace Serenity.Actors;

/// <summary>Delivering messages to the actor: user messages, auto-received ones, and system messages.</summary>
internal sealed partial class ActorCell
{
    private long _deliveryNumber;

    /// <summary>Numbers each delivery of a user message, so the stash can tell "this delivery" from an equal message delivered again.</summary>
    internal long DeliveryNumber => _deliveryNumber;

    private void Invoke(Envelope envelope)
    {
        _deliveryNumber++;
        _currentMessage = envelope.Message;
        _currentSender = envelope.Sender;
        try
        {
            if (envelope.Message is IAutoReceivedMessage)
            {
                AutoReceive(envelope.Message);
            }
            else
            {
                ReceiveMessage(envelope.Message);
                if (_receiveTimeout is not null && envelope.Message is not INotInfluenceReceiveTimeout) MarkActivity();
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
        finally
        {
            if (!_awaitingTask)
            {
                _currentMessage = null;
                _currentSender = null;
            }
        }
    }

    private void ReceiveMessage(object message)
    {
        if (!_actor!.AroundReceive(_behavior, message)) _actor.InvokeUnhandled(message);
    }

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case TimerMessage tm:
                if (_timers is not null && _timers.Accept(tm))
                {
                    _currentMessage = tm.Message;
                    ReceiveMessage(tm.Message);
                    if (_receiveTimeout is not null && tm.Message is not INotInfluenceReceiveTimeout) MarkActivity();
                }
                break;
            case ReceiveTimeoutCheck check:
                OnReceiveTimeoutCheck(check);
                break;
            case Terminated t:
                if (_terminatedQueued is not null && _terminatedQueued.Remove(t.ActorRef)) ReceiveMessage(t);
                break;
            case PoisonPill:
                Stop(_self);
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            case SelectionDelivery delivery:
                DeliverSelection(delivery);
                break;
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, _self), _self);
                break;
            default:
                ReceiveMessage(message);
                break;
        }
    }

    /// <summary>Processes every pending system message, oldest first. Returns false once the cell is closed.</summary>
    private bool ProcessSystemMessages()
    {
        while (true)
        {
            if (Volatile.Read(ref _systemHead) is null) return true; // the common case: no atomic needed
            var list = Interlocked.Exchange(ref _systemHead, null);
            if (list is null) return true;
            if (ReferenceEquals(list, ClosedSentinel))
            {
                Volatile.Write(ref _systemHead, ClosedSentinel);
                return false;
            }
            // The list is newest-first; reverse it to keep the order each sender sent.
            SystemMessage? ordered = null;
            while (list is not null)
            {
                var next = list.Next;
                list.Next = ordered;
                ordered = list;
                list = next;
            }
            while (ordered is not null)
            {
                var message = ordered;
                ordered = ordered.Next;
                message.Next = null;
                if (IsClosed)
                {
                    HandleSystemMessageWhenClosed(message);
                    continue;
                }
                HandleSystemMessage(message);
            }
            if (IsClosed) return false;
        }
    }

    private void HandleSystemMessage(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create:
                    CreateActor();
                    break;
                case Terminate:
                    BeginTerminate();
                    break;
                case Suspend:
                    SuspendSelf();
                    break;
                case Resume r:
                    ResumeSelf(r.CausedByFailure);
                    break;
                case Recreate r:
                    BeginRecreate(r.Cause);
                    break;
                case Watch w:
                    AddWatcher(w.Watchee, w.Watcher);
                    break;
                case Unwatch u:
                    RemoveWatcher(u.Watchee, u.Watcher);
                    break;
                case DeathWatchNotification n:
                    OnWatchedActorTerminated(n.Actor, n.ExistenceConfirmed);
                    break;
                case Failed f:
                    OnChildFailed(f);
                    break;
                case ChildTerminated c:
                    OnChildTerminated(c.Child);
                    break;
                case RunContinuation rc:
                    RunContinuationInside(rc);
                    break;
                case AsyncHandlerCompleted done:
                    OnAsyncHandlerCompleted(done.Task);
                    break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }
}
