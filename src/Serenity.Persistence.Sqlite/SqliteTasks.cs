namespace Serenity.Persistence.Sqlite;

/// <summary>
/// SQLite calls are synchronous; the stores run them on the calling thread (the journal already calls
/// from its own loop or a pool thread) and report the outcome as a completed or faulted task.
/// </summary>
internal static class SqliteTasks
{
    public static Task Run(Action work)
    {
        try
        {
            work();
            return Task.CompletedTask;
        }
        catch (OperationCanceledException e) when (e.CancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    public static Task<T> Run<T>(Func<T> work)
    {
        try
        {
            return Task.FromResult(work());
        }
        catch (OperationCanceledException e) when (e.CancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(e.CancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
