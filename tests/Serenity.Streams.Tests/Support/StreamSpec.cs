using Serenity.Streams;
using Xunit.Abstractions;

namespace Serenity.Streams.Tests.Support;

/// <summary>
/// Base of the stream tests: a TestKit system on virtual time, its materializer, and helpers that wait
/// for a stream's outcome (on a signal with a real-time deadline, never a sleep).
/// </summary>
public abstract class StreamSpec : TestKit.TestKit
{
    /// <summary>How long a test waits for a task before it fails.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    protected StreamSpec(string? hocon = null, ITestOutputHelper? output = null) : base(hocon, output) => Materializer = Sys.Materializer();

    /// <summary>The system's default materializer.</summary>
    protected ActorMaterializer Materializer { get; }

    /// <summary>The task's result; fails the test if it does not complete in time.</summary>
    protected static T Await<T>(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!task.Wait(Patience)) throw new TimeoutException($"the task did not complete within {Patience.TotalSeconds} s");
        return task.Result;
    }

    /// <summary>Waits for the task; fails the test if it does not complete in time.</summary>
    protected static void Await(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!task.Wait(Patience)) throw new TimeoutException($"the task did not complete within {Patience.TotalSeconds} s");
    }

    /// <summary>The exception the task failed with (unwrapped); fails the test if it succeeded or hung.</summary>
    protected static Exception AwaitFailure(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            if (!task.Wait(Patience)) throw new TimeoutException($"the task did not complete within {Patience.TotalSeconds} s");
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            return e.InnerException!;
        }
        throw new Xunit.Sdk.XunitException("expected the task to fail, but it succeeded");
    }

    /// <summary>Waits until every stream of the default materializer has stopped (no stage left running).</summary>
    protected void AssertAllStagesStopped() =>
        AwaitAssert(() =>
        {
            if (Materializer.RunningStreams != 0)
            {
                throw new Xunit.Sdk.XunitException($"streams still running: {string.Join("; ", Materializer.DescribeRunningStreams())}");
            }
        }, Patience);
}

/// <summary>The exception tests throw on purpose.</summary>
public sealed class TestException(string message) : Exception(message);
