namespace Serenity.Streams.Dsl;

/// <summary>The outcome of offering an element to <c>Source.Queue</c>.</summary>
public abstract class QueueOfferResult
{
    private protected QueueOfferResult()
    {
    }

    /// <summary>The element is in the queue (or already on its way downstream).</summary>
    public sealed class Enqueued : QueueOfferResult
    {
        /// <summary>The one instance.</summary>
        public static readonly Enqueued Instance = new();

        private Enqueued()
        {
        }

        /// <inheritdoc />
        public override string ToString() => "Enqueued";
    }

    /// <summary>The queue was full and its strategy dropped the element (DropNew).</summary>
    public sealed class Dropped : QueueOfferResult
    {
        /// <summary>The one instance.</summary>
        public static readonly Dropped Instance = new();

        private Dropped()
        {
        }

        /// <inheritdoc />
        public override string ToString() => "Dropped";
    }

    /// <summary>The stream has completed or been cancelled: the element was not taken.</summary>
    public sealed class QueueClosed : QueueOfferResult
    {
        /// <summary>The one instance.</summary>
        public static readonly QueueClosed Instance = new();

        private QueueClosed()
        {
        }

        /// <inheritdoc />
        public override string ToString() => "QueueClosed";
    }

    /// <summary>The stream failed (its buffer overflowed with the Fail strategy, or it was failed).</summary>
    public sealed class Failure(Exception cause) : QueueOfferResult
    {
        /// <summary>Why.</summary>
        public Exception Cause { get; } = cause;

        /// <inheritdoc />
        public override string ToString() => $"Failure({Cause.Message})";
    }
}

/// <summary>Feeds a stream from outside; the materialized value of <c>Source.Queue</c>. Thread-safe.</summary>
public interface ISourceQueue<in T>
{
    /// <summary>
    /// Offers an element; the task says what became of it. With the Backpressure strategy the task waits
    /// for room, and only one offer may wait at a time (another fails with <see cref="InvalidOperationException"/>).
    /// </summary>
    Task<QueueOfferResult> OfferAsync(T element);

    /// <summary>Completes when the stream completes (or is cancelled); fails when it fails.</summary>
    Task WatchCompletionAsync();
}

/// <summary>A source queue that can also be completed or failed from outside.</summary>
public interface ISourceQueueWithComplete<in T> : ISourceQueue<T>
{
    /// <summary>Completes the stream once the buffered elements have been emitted.</summary>
    void Complete();

    /// <summary>Fails the stream at once.</summary>
    void Fail(Exception cause);
}
