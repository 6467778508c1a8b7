using Serenity.Streams.Stages;

namespace Serenity.Streams.Dsl;

/// <summary>Factories of sinks.</summary>
public static class Sink
{
    /// <summary>Wraps any sink-shaped graph.</summary>
    public static Sink<T, TMat> FromGraph<T, TMat>(IGraph<SinkShape<T>, TMat> graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph as Sink<T, TMat> ?? new Sink<T, TMat>(graph.BlueprintOf(), graph.Shape);
    }

    /// <summary>Collects every element; the task completes with them when the stream completes.</summary>
    public static Sink<T, Task<IReadOnlyList<T>>> Seq<T>() => FromGraph(new SeqSink<T>());

    /// <summary>Consumes and discards every element; the task completes with the stream.</summary>
    public static Sink<T, Task> Ignore<T>() => FromGraph(new ForEachSink<T>(null)).Named("IgnoreSink");

    /// <summary>Runs <paramref name="action"/> for each element; the task completes with the stream.</summary>
    public static Sink<T, Task> ForEach<T>(Action<T> action) =>
        FromGraph(new ForEachSink<T>(action ?? throw new ArgumentNullException(nameof(action))));

    /// <summary>Folds the elements into an accumulator; the task completes with it when the stream completes.</summary>
    public static Sink<TIn, Task<TAcc>> Aggregate<TIn, TAcc>(TAcc zero, Func<TAcc, TIn, TAcc> aggregate) =>
        FromGraph(new AggregateSink<TIn, TAcc>(zero, aggregate));

    /// <summary>Completes with the first element (and cancels); fails if the stream is empty.</summary>
    public static Sink<T, Task<T>> First<T>() => FromGraph(new FirstSink<T>(orDefault: false));

    /// <summary>Completes with the first element, or default for an empty stream.</summary>
    public static Sink<T, Task<T>> FirstOrDefault<T>() => FromGraph(new FirstSink<T>(orDefault: true));

    /// <summary>Cancels at once.</summary>
    public static Sink<T, NotUsed> Cancelled<T>() => FromGraph(new CancelledSink<T>());

    /// <summary>
    /// Sends <paramref name="onInitMessage"/> and then each element to <paramref name="actorRef"/>, waiting for
    /// <paramref name="ackMessage"/> in reply to each before the next (backpressure into an actor); then
    /// <paramref name="onCompleteMessage"/>, or <paramref name="onFailureMessage"/> of the failure (default: Status.Failure).
    /// </summary>
    public static Sink<T, NotUsed> ActorRefWithAck<T>(Actors.IActorRef actorRef, object onInitMessage, object ackMessage, object onCompleteMessage, Func<Exception, object>? onFailureMessage = null) =>
        FromGraph(new ActorRefWithAckSink<T>(actorRef, onInitMessage, ackMessage, onCompleteMessage, onFailureMessage ?? (static e => new Actors.Status.Failure(e))));
}
