using Serenity.Streams.Stages;

namespace Serenity.Streams.Dsl;

/// <summary>Factories of sources.</summary>
public static class Source
{
    /// <summary>Wraps any source-shaped graph.</summary>
    public static Source<T, TMat> FromGraph<T, TMat>(IGraph<SourceShape<T>, TMat> graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph as Source<T, TMat> ?? new Source<T, TMat>(graph.BlueprintOf(), graph.Shape);
    }

    /// <summary>Emits the elements of <paramref name="items"/> (enumerated again by each materialization), then completes.</summary>
    public static Source<T, NotUsed> From<T>(IEnumerable<T> items) => FromGraph(new EnumerableSource<T>(items));

    /// <summary>Emits one element, then completes.</summary>
    public static Source<T, NotUsed> Single<T>(T element) => From([element]).Named("SingleSource");

    /// <summary>Completes at once.</summary>
    public static Source<T, NotUsed> Empty<T>() => FromGraph(new TerminatedSource<T>(null));

    /// <summary>Fails at once with <paramref name="cause"/>.</summary>
    public static Source<T, NotUsed> Failed<T>(Exception cause) =>
        FromGraph(new TerminatedSource<T>(cause ?? throw new ArgumentNullException(nameof(cause))));

    /// <summary>Emits <paramref name="element"/> forever, as fast as downstream pulls.</summary>
    public static Source<T, NotUsed> Repeat<T>(T element) => FromGraph(new RepeatSource<T>(element));

    /// <summary>Never emits, never completes.</summary>
    public static Source<T, NotUsed> Never<T>() => FromGraph(new NeverSource<T>());

    /// <summary>Emits <paramref name="tick"/> after <paramref name="initialDelay"/> and every <paramref name="interval"/> (dropped without demand); cancel to complete.</summary>
    public static Source<T, Actors.ICancelable> Tick<T>(TimeSpan initialDelay, TimeSpan interval, T tick) =>
        FromGraph(new TickSource<T>(initialDelay, interval, tick));

    /// <summary>A source fed from outside through the materialized queue, with a buffer of <paramref name="bufferSize"/>.</summary>
    public static Source<T, ISourceQueueWithComplete<T>> Queue<T>(int bufferSize, OverflowStrategy overflowStrategy) =>
        FromGraph(new QueueSource<T>(bufferSize, overflowStrategy));

    /// <summary>A source fed by messages sent to the materialized actor ref (Status.Success completes, Status.Failure fails).</summary>
    public static Source<T, Actors.IActorRef> ActorRef<T>(int bufferSize, OverflowStrategy overflowStrategy) =>
        FromGraph(new ActorRefSource<T>(bufferSize, overflowStrategy));
}
