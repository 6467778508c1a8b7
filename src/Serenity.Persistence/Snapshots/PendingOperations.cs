namespace Serenity.Persistence.Snapshots;

/// <summary>The operations a store front has started and not finished, so that disposing it can wait for them.</summary>
internal sealed class PendingOperations
{
    private readonly HashSet<Task> _running = [];

    /// <summary>Starts <paramref name="operation"/> on the thread pool and keeps it until it has finished.</summary>
    public void Run(Func<Task> operation)
    {
        var task = Task.Run(operation);
        lock (_running) _running.Add(task);
        task.ContinueWith(Forget, TaskScheduler.Default);
    }

    /// <summary>Completes when every operation started so far has finished (their failures are theirs to report).</summary>
    public Task WhenAllFinished()
    {
        Task[] running;
        lock (_running) running = [.. _running];
        return Task.WhenAll(running).ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private void Forget(Task task)
    {
        lock (_running) _running.Remove(task);
    }
}
