using Serenity.Streams.Stages;

namespace Serenity.Streams.Dsl;

/// <summary>The operators on substreams (<see cref="SubFlow{TOut,TMat,TClosed}"/>); each applies to every substream.</summary>
public static class SubFlowOperations
{
    /// <summary>Transforms each element.</summary>
    public static SubFlow<TOut2, TMat, TClosed> Select<TOut, TOut2, TMat, TClosed>(this SubFlow<TOut, TMat, TClosed> subFlow, Func<TOut, TOut2> func) =>
        subFlow.Via(new Select<TOut, TOut2>(func));

    /// <summary>Passes only the elements that satisfy <paramref name="predicate"/>.</summary>
    public static SubFlow<TOut, TMat, TClosed> Where<TOut, TMat, TClosed>(this SubFlow<TOut, TMat, TClosed> subFlow, Predicate<TOut> predicate) =>
        subFlow.Via(new Where<TOut>(predicate));

    /// <summary>Runs <paramref name="func"/> on up to <paramref name="parallelism"/> elements at once per substream, in order.</summary>
    public static SubFlow<TOut2, TMat, TClosed> SelectAsync<TOut, TOut2, TMat, TClosed>(this SubFlow<TOut, TMat, TClosed> subFlow, int parallelism, Func<TOut, Task<TOut2>> func) =>
        subFlow.Via(new SelectAsync<TOut, TOut2>(parallelism, func, ordered: true));

    /// <summary>Emits <paramref name="zero"/>, then every running result of <paramref name="aggregate"/>, per substream.</summary>
    public static SubFlow<TAcc, TMat, TClosed> Scan<TOut, TAcc, TMat, TClosed>(this SubFlow<TOut, TMat, TClosed> subFlow, TAcc zero, Func<TAcc, TOut, TAcc> aggregate) =>
        subFlow.Via(new Scan<TOut, TAcc>(zero, aggregate));

    /// <summary>Folds each substream; emits its result when it completes.</summary>
    public static SubFlow<TAcc, TMat, TClosed> Aggregate<TOut, TAcc, TMat, TClosed>(this SubFlow<TOut, TMat, TClosed> subFlow, TAcc zero, Func<TAcc, TOut, TAcc> aggregate) =>
        subFlow.Via(new Aggregate<TOut, TAcc>(zero, aggregate));

    /// <summary>Chunks each substream into lists of <paramref name="n"/>.</summary>
    public static SubFlow<IReadOnlyList<TOut>, TMat, TClosed> Grouped<TOut, TMat, TClosed>(this SubFlow<TOut, TMat, TClosed> subFlow, int n) =>
        subFlow.Via(new Grouped<TOut>(n));

    /// <summary>Chunks each substream into lists of at most <paramref name="n"/> per <paramref name="window"/>.</summary>
    public static SubFlow<IReadOnlyList<TOut>, TMat, TClosed> GroupedWithin<TOut, TMat, TClosed>(this SubFlow<TOut, TMat, TClosed> subFlow, int n, TimeSpan window) =>
        subFlow.Via(new GroupedWithin<TOut>(n, window));

    /// <summary>Buffers up to <paramref name="size"/> elements per substream.</summary>
    public static SubFlow<TOut, TMat, TClosed> Buffer<TOut, TMat, TClosed>(this SubFlow<TOut, TMat, TClosed> subFlow, int size, OverflowStrategy strategy) =>
        subFlow.Via(new Buffer<TOut>(size, strategy));

    /// <summary>Limits each substream's rate (token bucket).</summary>
    public static SubFlow<TOut, TMat, TClosed> Throttle<TOut, TMat, TClosed>(this SubFlow<TOut, TMat, TClosed> subFlow, int elements, TimeSpan per, int maximumBurst, ThrottleMode mode) =>
        subFlow.Via(new Throttle<TOut>(elements, per, maximumBurst, static _ => 1, mode));

    /// <summary>Passes the first <paramref name="n"/> elements of each substream.</summary>
    public static SubFlow<TOut, TMat, TClosed> Take<TOut, TMat, TClosed>(this SubFlow<TOut, TMat, TClosed> subFlow, long n) =>
        subFlow.Via(new Take<TOut>(n));
}
