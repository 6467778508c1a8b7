using Serenity.Streams.Stages;

namespace Serenity.Streams.Dsl;

/// <summary>
/// The operators on <see cref="Source{TOut,TMat}"/>. Each is one line: the operator itself is a stage in
/// <c>Stages/</c>. <see cref="FlowOperations"/> offers the same set on flows and
/// <see cref="SubFlowOperations"/> on substreams: C# cannot write one signature for all three shapes.
/// </summary>
public static class SourceOperations
{
    /// <summary>Transforms each element.</summary>
    public static Source<TOut2, TMat> Select<TOut, TOut2, TMat>(this Source<TOut, TMat> source, Func<TOut, TOut2> func) =>
        source.Via(new Select<TOut, TOut2>(func));

    /// <summary>Passes only the elements that satisfy <paramref name="predicate"/>.</summary>
    public static Source<TOut, TMat> Where<TOut, TMat>(this Source<TOut, TMat> source, Predicate<TOut> predicate) =>
        source.Via(new Where<TOut>(predicate));

    /// <summary>Runs <paramref name="func"/> on up to <paramref name="parallelism"/> elements at once; emits results in upstream order.</summary>
    public static Source<TOut2, TMat> SelectAsync<TOut, TOut2, TMat>(this Source<TOut, TMat> source, int parallelism, Func<TOut, Task<TOut2>> func) =>
        source.Via(new SelectAsync<TOut, TOut2>(parallelism, func, ordered: true));

    /// <summary>Runs <paramref name="func"/> on up to <paramref name="parallelism"/> elements at once; emits results as they complete.</summary>
    public static Source<TOut2, TMat> SelectAsyncUnordered<TOut, TOut2, TMat>(this Source<TOut, TMat> source, int parallelism, Func<TOut, Task<TOut2>> func) =>
        source.Via(new SelectAsync<TOut, TOut2>(parallelism, func, ordered: false));

    /// <summary>Emits <paramref name="zero"/>, then every running result of <paramref name="aggregate"/>.</summary>
    public static Source<TAcc, TMat> Scan<TOut, TAcc, TMat>(this Source<TOut, TMat> source, TAcc zero, Func<TAcc, TOut, TAcc> aggregate) =>
        source.Via(new Scan<TOut, TAcc>(zero, aggregate));

    /// <summary>Folds the elements; emits the result when upstream completes.</summary>
    public static Source<TAcc, TMat> Aggregate<TOut, TAcc, TMat>(this Source<TOut, TMat> source, TAcc zero, Func<TAcc, TOut, TAcc> aggregate) =>
        source.Via(new Aggregate<TOut, TAcc>(zero, aggregate));

    /// <summary>Chunks the elements into lists of <paramref name="n"/> (the last may be shorter).</summary>
    public static Source<IReadOnlyList<TOut>, TMat> Grouped<TOut, TMat>(this Source<TOut, TMat> source, int n) =>
        source.Via(new Grouped<TOut>(n));

    /// <summary>Chunks the elements into lists of at most <paramref name="n"/>, closed at the latest when <paramref name="window"/> ends.</summary>
    public static Source<IReadOnlyList<TOut>, TMat> GroupedWithin<TOut, TMat>(this Source<TOut, TMat> source, int n, TimeSpan window) =>
        source.Via(new GroupedWithin<TOut>(n, window));

    /// <summary>Buffers up to <paramref name="size"/> elements; <paramref name="strategy"/> decides on overflow.</summary>
    public static Source<TOut, TMat> Buffer<TOut, TMat>(this Source<TOut, TMat> source, int size, OverflowStrategy strategy) =>
        source.Via(new Buffer<TOut>(size, strategy));

    /// <summary>While downstream is slower, folds elements into a summary started by <paramref name="seed"/>.</summary>
    public static Source<TSeed, TMat> ConflateWithSeed<TOut, TSeed, TMat>(this Source<TOut, TMat> source, Func<TOut, TSeed> seed, Func<TSeed, TOut, TSeed> aggregate) =>
        source.Via(new Conflate<TOut, TSeed>(seed, aggregate));

    /// <summary>While downstream is slower, folds elements together with <paramref name="aggregate"/>.</summary>
    public static Source<TOut, TMat> Conflate<TOut, TMat>(this Source<TOut, TMat> source, Func<TOut, TOut, TOut> aggregate) =>
        source.Via(new Conflate<TOut, TOut>(static x => x, aggregate));

    /// <summary>Limits the rate to <paramref name="elements"/> per <paramref name="per"/> (token bucket of <paramref name="maximumBurst"/>).</summary>
    public static Source<TOut, TMat> Throttle<TOut, TMat>(this Source<TOut, TMat> source, int elements, TimeSpan per, int maximumBurst, ThrottleMode mode) =>
        source.Via(new Throttle<TOut>(elements, per, maximumBurst, static _ => 1, mode));

    /// <summary>Limits the rate to <paramref name="cost"/> units per <paramref name="per"/>, each element costing <paramref name="calculateCost"/>.</summary>
    public static Source<TOut, TMat> Throttle<TOut, TMat>(this Source<TOut, TMat> source, int cost, TimeSpan per, int maximumBurst, Func<TOut, int> calculateCost, ThrottleMode mode) =>
        source.Via(new Throttle<TOut>(cost, per, maximumBurst, calculateCost, mode));

    /// <summary>Passes the first <paramref name="n"/> elements, then completes.</summary>
    public static Source<TOut, TMat> Take<TOut, TMat>(this Source<TOut, TMat> source, long n) =>
        source.Via(new Take<TOut>(n));

    /// <summary>Emits the elements of every source <paramref name="flatten"/> makes, up to <paramref name="breadth"/> at once, interleaved.</summary>
    public static Source<TOut2, TMat> MergeMany<TOut, TOut2, TMat, TMat2>(this Source<TOut, TMat> source, int breadth, Func<TOut, IGraph<SourceShape<TOut2>, TMat2>> flatten) =>
        source.Via(new MergeMany<TOut, TOut2, TMat2>(breadth, flatten));

    /// <summary>Interleaves the elements of <paramref name="other"/>; completes when both have.</summary>
    public static Source<TOut, TMat> Merge<TOut, TMat, TMat2>(this Source<TOut, TMat> source, IGraph<SourceShape<TOut>, TMat2> other) =>
        source.Via(Fans.MergeWith(other));

    /// <summary>Also sends every element to <paramref name="sink"/> (backpressured by both).</summary>
    public static Source<TOut, TMat> AlsoTo<TOut, TMat, TMat2>(this Source<TOut, TMat> source, IGraph<SinkShape<TOut>, TMat2> sink) =>
        source.Via(Fans.AlsoTo(sink));

    /// <summary>Splits the stream into one substream per key (at most <paramref name="maxSubstreams"/>; one more fails the stream).</summary>
    public static SubFlow<TOut, TMat, RunnableGraph<TMat>> GroupBy<TOut, TKey, TMat>(this Source<TOut, TMat> source, int maxSubstreams, Func<TOut, TKey> keyFor)
        where TKey : notnull =>
        SubFlow.FromSource(source, maxSubstreams, keyFor);
}
