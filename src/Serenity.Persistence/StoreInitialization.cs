namespace Serenity.Persistence;

/// <summary>
/// A store's one-time initialization (schema creation), started on first use. A failed attempt is not
/// kept: the next use tries again, so a database that was not reachable yet does not break the system
/// for good (the actors that failed are restarted by their supervisors and find it working).
/// </summary>
internal sealed class StoreInitialization(Func<Task> initialize)
{
    private readonly object _gate = new();
    private Task? _attempt;

    /// <summary>The running or successful attempt, or a new one after a failure.</summary>
    public Task Task
    {
        get
        {
            lock (_gate)
            {
                if (_attempt is null || _attempt.IsFaulted || _attempt.IsCanceled) _attempt = Start();
                return _attempt;
            }
        }
    }

    private Task Start()
    {
        try
        {
            return initialize();
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }
}
