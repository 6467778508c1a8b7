using Serenity.Streams.Stages;

namespace Serenity.Streams.Dsl;

/// <summary>The operators on <see cref="Flow{TIn,TOut,TMat}"/>: the same set as <see cref="SourceOperations"/>.</summary>
public static class FlowOperations
{
    /// <summary>Transforms each element.</summary>
    public static Flow<TIn, TOut2, TMat> Select<TIn, TOut, TOut2, TMat>(this Flow<TIn, TOut, TMat> flow, Func<TOut, TOut2> func) =>
        flow.Via(new Select<TOut, TOut2>(func));

    /// <summary>Passes only the elements that satisfy <paramref name="predicate"/>.</summary>
    public static Flow<TIn, TOut, TMat> Where<TIn, TOut, TMat>(this Flow<TIn, TOut, TMat> flow, Predicate<TOut> predicate) =>
        flow.Via(new Where<TOut>(predicate));

    /// <summary>Runs <paramref name="func"/> on up to <paramref name="parallelism"/> elements at once; emits results in upstream order.</summary>
    public static Flow<TIn, TOut2, TMat> SelectAsync<TIn, TOut, TOut2, TMat>(this Flow<TIn, TOut, TMat> flow, int parallelism, Func<TOut, Task<TOut2>> func) =>
        flow.Via(new SelectAsync<TOut, TOut2>(parallelism, func, ordered: true));

    /// <summary>Runs <paramref name="func"/> on up to <paramref name="parallelism"/> elements at once; emits results as they complete.</summary>
    public static Flow<TIn, TOut2, TMat> SelectAsyncUnordered<TIn, TOut, TOut2, TMat>(this Flow<TIn, TOut, TMat> flow, int parallelism, Func<TOut, Task<TOut2>> func) =>
        flow.Via(new SelectAsync<TOut, TOut2>(parallelism, func, ordered: false));

    /// <summary>Emits <paramref name="zero"/>, then every running result of <paramref name="aggregate"/>.</summary>
    public static Flow<TIn, TAcc, TMat> Scan<TIn, TOut, TAcc, TMat>(this Flow<TIn, TOut, TMat> flow, TAcc zero, Func<TAcc, TOut, TAcc> aggregate) =>
        flow.Via(new Scan<TOut, TAcc>(zero, aggregate));

    /// <summary>Folds the elements; emits the result when upstream completes.</summary>
    public static Flow<TIn, TAcc, TMat> Aggregate<TIn, TOut, TAcc, TMat>(this Flow<TIn, TOut, TMat> flow, TAcc zero, Func<TAcc, TOut, TAcc> aggregate) =>
        flow.Via(new Aggregate<TOut, TAcc>(zero, aggregate));

    /// <summary>Chunks the elements into lists of <paramref name="n"/> (the last may be shorter).</summary>
    public static Flow<TIn, IReadOnlyList<TOut>, TMat> Grouped<TIn, TOut, TMat>(this Flow<TIn, TOut, TMat> flow, int n) =>
        flow.Via(new Grouped<TOut>(n));

    /// <summary>Chunks the elements into lists of at most <paramref name="n"/>, closed at the latest when <paramref name="window"/> ends.</summary>
    public static Flow<TIn, IReadOnlyList<TOut>, TMat> GroupedWithin<TIn, TOut, TMat>(this Flow<TIn, TOut, TMat> flow, int n, TimeSpan window) =>
        flow.Via(new GroupedWithin<TOut>(n, window));

    /// <summary>Buffers up to <paramref name="size"/> elements; <paramref name="strategy"/> decides on overflow.</summary>
    public static Flow<TIn, TOut, TMat> Buffer<TIn, TOut, TMat>(this Flow<TIn, TOut, TMat> flow, int size, OverflowStrategy strategy) =>
        flow.Via(new Buffer<TOut>(size, strategy));

    /// <summary>While downstream is slower, folds elements into a summary started by <paramref name="seed"/>.</summary>
    public static Flow<TIn, TSeed, TMat> ConflateWithSeed<TIn, TOut, TSeed, TMat>(this Flow<TIn, TOut, TMat> flow, Func<TOut, TSeed> seed, Func<TSeed, TOut, TSeed> aggregate) =>
        flow.Via(new Conflate<TOut, TSeed>(seed, aggregate));

    /// <summary>While downstream is slower, folds elements together with <paramref name="aggregate"/>.</summary>
    public static Flow<TIn, TOut, TMat> Conflate<TIn, TOut, TMat>(this Flow<TIn, TOut, TMat> flow, Func<TOut, TOut, TOut> aggregate) =>
        flow.Via(new Conflate<TOut, TOut>(static x => x, aggregate));

    /// <summary>Limits the rate to <paramref name="elements"/> per <paramref name="per"/> (token bucket of <paramref name="maximumBurst"/>).</summary>
    public static Flow<TIn, TOut, TMat> Throttle<TIn, TOut, TMat>(this Flow<TIn, TOut, TMat> flow, int elements, TimeSpan per, int maximumBurst, ThrottleMode mode) =>
        flow.Via(new Throttle<TOut>(elements, per, maximumBurst, static _ => 1, mode));

    /// <summary>Limits the rate to <paramref name="cost"/> units per <paramref name="per"/>, each element costing <paramref name="calculateCost"/>.</summary>
    public static Flow<TIn, TOut, TMat> Throttle<TIn, TOut, TMat>(this Flow<TIn, TOut, TMat> flow, int cost, TimeSpan per, int maximumBurst, Func<TOut, int> calculateCost, ThrottleMode mode) =>
        flow.Via(new Throttle<TOut>(cost, per, maximumBurst, calculateCost, mode));

    /// <summary>Passes the first <paramref name="n"/> elements, then completes.</summary>
    public static Flow<TIn, TOut, TMat> Take<TIn, TOut, TMat>(this Flow<TIn, TOut, TMat> flow, long n) =>
        flow.Via(new Take<TOut>(n));

    /// <summary>Emits the elements of every source <paramref name="flatten"/> makes, up to <paramref name="breadth"/> at once, interleaved.</summary>
    public static Flow<TIn, TOut2, TMat> MergeMany<TIn, TOut, TOut2, TMat, TMat2>(this Flow<TIn, TOut, TMat> flow, int breadth, Func<TOut, IGraph<SourceShape<TOut2>, TMat2>> flatten) =>
        flow.Via(new MergeMany<TOut, TOut2, TMat2>(breadth, flatten));

    /// <summary>Interleaves the elements of <paramref name="other"/>; completes when both have.</summary>
    public static Flow<TIn, TOut, TMat> Merge<TIn, TOut, TMat, TMat2>(this Flow<TIn, TOut, TMat> flow, IGraph<SourceShape<TOut>, TMat2> other) =>
        flow.Via(Fans.MergeWith(other));

    /// <summary>Also sends every element to <paramref name="sink"/> (backpressured by both).</summary>
    public static Flow<TIn, TOut, TMat> AlsoTo<TIn, TOut, TMat, TMat2>(this Flow<TIn, TOut, TMat> flow, IGraph<SinkShape<TOut>, TMat2> sink) =>
        flow.Via(Fans.AlsoTo(sink));

    /// <summary>Splits the stream into one substream per key (at most <paramref name="maxSubstreams"/>; one more fails the stream).</summary>
    public static SubFlow<TOut, TMat, Sink<TIn, TMat>> GroupBy<TIn, TOut, TKey, TMat>(this Flow<TIn, TOut, TMat> flow, int maxSubstreams, Func<TOut, TKey> keyFor)
        where TKey : notnull =>
        SubFlow.FromFlow(flow, maxSubstreams, keyFor);
}
