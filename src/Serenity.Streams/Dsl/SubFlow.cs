using Serenity.Streams.Stages;

namespace Serenity.Streams.Dsl;

/// <summary>
/// The substreams made by <c>GroupBy</c>: operators apply to each substream; <c>MergeSubstreams</c>
/// joins them back into one stream. <typeparamref name="TClosed"/> says what the stream was before
/// GroupBy (a source: <see cref="RunnableGraph{TMat}"/>; a flow: <see cref="Sink{TIn,TMat}"/>) and so what
/// merging gives back.
/// </summary>
public sealed class SubFlow<TOut, TMat, TClosed>
{
    internal SubFlow(object origin, Func<object, Source<TOut, NotUsed>> substream, int maxSubstreams)
    {
        Origin = origin;
        Substream = substream;
        MaxSubstreams = maxSubstreams;
    }

    /// <summary>The stream GroupBy was applied to, with the GroupBy stage.</summary>
    internal object Origin { get; }

    /// <summary>Builds one substream's graph from the source GroupBy emitted for it.</summary>
    internal Func<object, Source<TOut, NotUsed>> Substream { get; }

    internal int MaxSubstreams { get; }

    /// <summary>Applies <paramref name="flow"/> to every substream.</summary>
    public SubFlow<TOut2, TMat, TClosed> Via<TOut2, TMat2>(IGraph<FlowShape<TOut, TOut2>, TMat2> flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var substream = Substream;
        return new SubFlow<TOut2, TMat, TClosed>(Origin, s => substream(s).Via(flow), MaxSubstreams);
    }
}

/// <summary>Creates sub-flows and merges them back.</summary>
public static class SubFlow
{
    internal static SubFlow<T, TMat, RunnableGraph<TMat>> FromSource<T, TKey, TMat>(Source<T, TMat> source, int maxSubstreams, Func<T, TKey> keyFor)
        where TKey : notnull =>
        new(new SourceOrigin<T, TMat>(source.Via(new GroupBy<T, TKey>(maxSubstreams, keyFor))), static s => (Source<T, NotUsed>)s, maxSubstreams);

    internal static SubFlow<T, TMat, Sink<TIn, TMat>> FromFlow<TIn, T, TKey, TMat>(Flow<TIn, T, TMat> flow, int maxSubstreams, Func<T, TKey> keyFor)
        where TKey : notnull =>
        new(new FlowOrigin<TIn, T, TMat>(flow.Via(new GroupBy<T, TKey>(maxSubstreams, keyFor))), static s => (Source<T, NotUsed>)s, maxSubstreams);

    /// <summary>Merges the substreams (all of them at once) back into one source.</summary>
    public static Source<TOut, TMat> MergeSubstreams<TOut, TMat>(this SubFlow<TOut, TMat, RunnableGraph<TMat>> subFlow) =>
        MergeSubstreamsWithParallelism(subFlow, int.MaxValue);

    /// <summary>Merges the substreams back into one source, at most <paramref name="parallelism"/> running at once.</summary>
    public static Source<TOut, TMat> MergeSubstreamsWithParallelism<TOut, TMat>(this SubFlow<TOut, TMat, RunnableGraph<TMat>> subFlow, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(subFlow);
        return ((ISourceOrigin<TMat>)subFlow.Origin).Merge(subFlow.Substream, parallelism);
    }

    /// <summary>Merges the substreams (all of them at once) back into one flow.</summary>
    public static Flow<TIn, TOut, TMat> MergeSubstreams<TIn, TOut, TMat>(this SubFlow<TOut, TMat, Sink<TIn, TMat>> subFlow) =>
        MergeSubstreamsWithParallelism(subFlow, int.MaxValue);

    /// <summary>Merges the substreams back into one flow, at most <paramref name="parallelism"/> running at once.</summary>
    public static Flow<TIn, TOut, TMat> MergeSubstreamsWithParallelism<TIn, TOut, TMat>(this SubFlow<TOut, TMat, Sink<TIn, TMat>> subFlow, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(subFlow);
        return ((IFlowOrigin<TIn, TMat>)subFlow.Origin).Merge(subFlow.Substream, parallelism);
    }

    private interface ISourceOrigin<TMat>
    {
        Source<TOut, TMat> Merge<TOut>(Func<object, Source<TOut, NotUsed>> substream, int breadth);
    }

    private interface IFlowOrigin<TIn, TMat>
    {
        Flow<TIn, TOut, TMat> Merge<TOut>(Func<object, Source<TOut, NotUsed>> substream, int breadth);
    }

    private sealed class SourceOrigin<T, TMat>(Source<Source<T, NotUsed>, TMat> grouped) : ISourceOrigin<TMat>
    {
        public Source<TOut, TMat> Merge<TOut>(Func<object, Source<TOut, NotUsed>> substream, int breadth) =>
            grouped.MergeMany(breadth, s => substream(s));
    }

    private sealed class FlowOrigin<TIn, T, TMat>(Flow<TIn, Source<T, NotUsed>, TMat> grouped) : IFlowOrigin<TIn, TMat>
    {
        public Flow<TIn, TOut, TMat> Merge<TOut>(Func<object, Source<TOut, NotUsed>> substream, int breadth) =>
            grouped.MergeMany(breadth, s => substream(s));
    }
}
