namespace Serenity.Actors;

/// <summary>
/// Failure and supervision. A failing actor suspends itself and its children and tells its parent;
/// the parent's strategy answers with resume, restart (a new instance, mailbox kept), stop, or
/// escalation (the parent fails in turn).
/// </summary>
internal sealed partial class ActorCell
{
    private int _suspendCount;
    private Exception? _failure;
    private Exception? _recreatePending;
    private object? _failedMessage; // the message being processed when the actor failed, for PreRestart

    private void HandleInvokeFailure(Exception cause)
    {
        if (_failure is not null || _terminating || IsClosed) return; // already waiting for the supervisor
        _failure = cause;
        _failedMessage = _currentMessage;
        _suspendCount++;
        UpdateSuspended();
        ForEachChild(static c => c.Cell.SendSystemMessage(new Suspend()));
        _parent.SendSystemMessage(new Failed(_self, cause, _self.Path.Uid));
    }

    private void SuspendSelf()
    {
        _suspendCount++;
        UpdateSuspended();
        ForEachChild(static c => c.Cell.SendSystemMessage(new Suspend()));
    }

    private void ResumeSelf(Exception? causedByFailure)
    {
        if (_suspendCount > 0) _suspendCount--;
        if (causedByFailure is not null) _failure = null;
        UpdateSuspended();
        ForEachChild(static c => c.Cell.SendSystemMessage(new Resume(null)));
    }

    private void BeginRecreate(Exception cause)
    {
        if (_terminating) return;
        if (_actor is null)
        {
            // Failed during creation: just try to create again.
            _failure = null;
            if (_suspendCount > 0) _suspendCount--;
            CreateActor();
            return;
        }
        var failedMessage = _failedMessage;
        _failedMessage = null;
        try
        {
            _actor.AroundPreRestart(cause, failedMessage);
        }
        catch (Exception e)
        {
            _system.LoggerFor(_self.Path.ToString()).Error(e, $"PreRestart of {_self.Path} failed: {e.Message}");
        }
        _currentMessage = null;
        _currentSender = null;
        _awaitingTask = false;
        CancelReceiveTimeout();
        _timers?.CancelAll();
        if (_stash is { Count: > 0 }) PrependToMailbox(_stash.ClearStash());
        _recreatePending = cause;
        UpdateSuspended();
        if (!HasChildrenStopping()) FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        _recreatePending = null;
        _failure = null;
        if (_suspendCount > 0) _suspendCount--;
        try
        {
            NewActorInstance();
            _actor!.AroundPostRestart(cause);
        }
        catch (Exception e)
        {
            _actor = null;
            UpdateSuspended();
            HandleInvokeFailure(new ActorInitializationException(_self, $"Exception during restart of {_self.Path}: {e.Message}", e));
            return;
        }
        // Children that PreRestart chose to keep are restarted too.
        ForEachChild(c => c.Cell.SendSystemMessage(new Recreate(cause)));
        UpdateSuspended();
    }

    private void OnChildFailed(Failed failed)
    {
        if (_children is null || !_children.TryGetValue(failed.Child.Path.Name, out var entry) || entry.Ref.Path.Uid != failed.Uid)
        {
            return; // a stale report from an earlier incarnation
        }
        var strategy = _props.SupervisorStrategy ?? _actor?.InvokeSupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;
        Directive directive;
        try
        {
            directive = strategy.Decider(failed.Cause);
        }
        catch (Exception)
        {
            directive = Directive.Escalate;
        }
        if (strategy.LoggingEnabled && directive != Directive.Escalate)
        {
            var level = directive == Directive.Resume ? LogLevel.Warning : LogLevel.Error;
            _system.LoggerFor(failed.Child.Path.ToString())
                .Log(level, failed.Cause, $"{failed.Cause.GetType().Name}: {failed.Cause.Message} ({directive})");
        }
        switch (directive)
        {
            case Directive.Resume:
                entry.Ref.Cell.SendSystemMessage(new Resume(failed.Cause));
                break;
            case Directive.Restart when strategy.AppliesToAllChildren:
                RestartAllChildren(strategy, entry, failed.Cause);
                break;
            case Directive.Restart:
                if (strategy.RequestRestartPermission(entry.Stats, _system.Clock.GetUtcNow())) entry.Ref.Cell.SendSystemMessage(new Recreate(failed.Cause));
                else Stop(entry.Ref);
                break;
            case Directive.Stop when strategy.AppliesToAllChildren:
                ForEachChild(Stop);
                break;
            case Directive.Stop:
                Stop(entry.Ref);
                break;
            default:
                // Escalate: this actor fails with the child's own exception, so its parent decides on the original cause.
                HandleInvokeFailure(failed.Cause);
                break;
        }
    }

    private void RestartAllChildren(SupervisorStrategy strategy, ChildEntry failedChild, Exception cause)
    {
        var now = _system.Clock.GetUtcNow();
        var entries = _children!.Values.ToArray();
        var allowed = true;
        foreach (var e in entries) allowed &= strategy.RequestRestartPermission(e.Stats, now);
        foreach (var e in entries)
        {
            if (!allowed)
            {
                Stop(e.Ref);
                continue;
            }
            if (!ReferenceEquals(e, failedChild)) e.Ref.Cell.SendSystemMessage(new Suspend());
            e.Ref.Cell.SendSystemMessage(new Recreate(cause));
        }
    }
}
