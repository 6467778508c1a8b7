namespace Serenity.Actors;

/// <summary>Creation, stopping (children first, then PostStop) and the final close.</summary>
internal sealed partial class ActorCell
{
    private bool _terminating;

    public void Stop(IActorRef actor)
    {
        if (actor is not IInternalActorRef r) return;
        MarkChildStopping(actor);
        r.SendSystemMessage(new Terminate());
    }

    private void CreateActor()
    {
        try
        {
            NewActorInstance();
            _actor!.AroundPreStart();
        }
        catch (Exception e)
        {
            _actor = null;
            HandleInvokeFailure(new ActorInitializationException(_self, $"Exception during creation of {_self.Path}: {e.Message}", e));
            return;
        }
        UpdateSuspended();
    }

    private void BeginTerminate()
    {
        if (_terminating) return;
        _terminating = true;
        UpdateSuspended();
        CancelReceiveTimeout();
        _timers?.CancelAll();
        UnwatchAll();
        if (!StopAllChildren()) FinishTerminate();
    }

    /// <summary>Runs when the last child has stopped, or at once without children.</summary>
    private void FinishTerminate()
    {
        var previous = t_current;
        t_current = this;
        try
        {
            _actor?.AroundPostStop();
        }
        catch (Exception e)
        {
            _system.LoggerFor(_self.Path.ToString()).Error(e, $"PostStop of {_self.Path} failed: {e.Message}");
        }
        finally
        {
            t_current = previous;
            Close();
        }
    }

    private void Close()
    {
        Interlocked.Or(ref _status, Closed);
        var pending = Interlocked.Exchange(ref _systemHead, ClosedSentinel);
        for (var m = pending; m is not null; m = m.Next) HandleSystemMessageWhenClosed(m);
        if (_stash is { Count: > 0 })
        {
            foreach (var e in _stash.ClearStash()) _system.DeadLetter(e.Message, e.Sender, _self);
        }
        DrainUserMessagesToDeadLetters();
        NotifyWatchersOfTermination();
        _actor = null;
        _behavior = null;
        _behaviorStack = null;
        _parent.SendSystemMessage(new ChildTerminated(_self));
    }
}
