using System.Runtime.ExceptionServices;

namespace Serenity.Actors;

/// <summary>
/// <c>ReceiveAsync</c>: while a handler's task runs, the actor takes no other user message; each
/// continuation after an <c>await</c> is posted back to the actor as a system message and runs with
/// the actor's context (Self, Sender) in place; the task's end resumes the mailbox, and a fault is
/// supervised like a synchronous failure.
/// </summary>
internal sealed partial class ActorCell
{
    private bool _awaitingTask;
    private ActorSynchronizationContext? _synchronizationContext;

    internal void RunAsyncHandler<T>(Func<T, Task> handler, T message)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext ??= new ActorSynchronizationContext(this));
        Task task;
        try
        {
            task = handler(message);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        if (task.IsCompleted)
        {
            ThrowIfFailed(task);
            return;
        }
        _awaitingTask = true;
        UpdateSuspended();
        task.ContinueWith(
            static (t, state) => ((ActorCell)state!).SendSystemMessage(new AsyncHandlerCompleted(t)),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void RunContinuationInside(RunContinuation continuation)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext);
        try
        {
            continuation.Callback(continuation.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void OnAsyncHandlerCompleted(Task task)
    {
        if (!_awaitingTask) return; // the actor restarted or stopped meanwhile
        _awaitingTask = false;
        UpdateSuspended();
        // A failure is reported while the handler's message is still current, so PreRestart gets it.
        if (task.IsFaulted) HandleInvokeFailure(task.Exception!.InnerExceptions[0]);
        else if (task.IsCanceled) HandleInvokeFailure(new TaskCanceledException(task));
        _currentMessage = null;
        _currentSender = null;
    }

    private static void ThrowIfFailed(Task task)
    {
        if (task.IsFaulted) ExceptionDispatchInfo.Capture(task.Exception!.InnerExceptions[0]).Throw();
        if (task.IsCanceled) throw new TaskCanceledException(task);
    }

    /// <summary>Posts await continuations back into the actor.</summary>
    private sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state) => cell.SendSystemMessage(new RunContinuation(d, state));

        public override void Send(SendOrPostCallback d, object? state) =>
            throw new NotSupportedException("Synchronous Send into an actor would deadlock; use Post.");

        public override SynchronizationContext CreateCopy() => this;
    }
}
