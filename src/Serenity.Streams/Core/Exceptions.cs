namespace Serenity.Streams;

/// <summary>Base of the exceptions the stream library raises itself.</summary>
public class StreamException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StreamException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StreamException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public StreamException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>A stage was stopped from outside (materializer or system shut down) before it completed.</summary>
public sealed class AbruptStageTerminationException : StreamException
{
    /// <summary>Creates the exception.</summary>
    public AbruptStageTerminationException()
        : base("Stage was terminated abruptly (its materializer or actor system shut down) before it completed")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AbruptStageTerminationException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AbruptStageTerminationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>A buffer with <c>OverflowStrategy.Fail</c> was full.</summary>
public sealed class BufferOverflowException : StreamException
{
    /// <summary>Creates the exception.</summary>
    public BufferOverflowException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BufferOverflowException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public BufferOverflowException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>A throttle in enforcing mode saw upstream go faster than its rate.</summary>
public sealed class RateExceededException : StreamException
{
    /// <summary>Creates the exception.</summary>
    public RateExceededException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RateExceededException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RateExceededException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>GroupBy saw a new key while <c>maxSubstreams</c> substreams were already open.</summary>
public sealed class TooManySubstreamsOpenException : StreamException
{
    /// <summary>Creates the exception.</summary>
    public TooManySubstreamsOpenException()
        : base("Cannot open a new substream as there are too many substreams open")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TooManySubstreamsOpenException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TooManySubstreamsOpenException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>An actor a stage depends on (Sink.ActorRefWithAck's target) terminated.</summary>
public sealed class WatchedActorTerminatedException : StreamException
{
    /// <summary>Creates the exception.</summary>
    public WatchedActorTerminatedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public WatchedActorTerminatedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public WatchedActorTerminatedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>The reason given to upstream when a stage cancels without a failure.</summary>
public sealed class SubscriptionWithCancelException : StreamException
{
    /// <summary>A normal cancellation: downstream simply needs no more elements.</summary>
    public static readonly SubscriptionWithCancelException NonFailureCancellation = new("Downstream cancelled without failure");

    /// <summary>Creates the exception.</summary>
    public SubscriptionWithCancelException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SubscriptionWithCancelException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SubscriptionWithCancelException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
