namespace Serenity.Streams.Dsl;

/// <summary>Linear flows built from fan stages (what <c>Merge</c> and <c>AlsoTo</c> on a source or flow add).</summary>
internal static class Fans
{
    /// <summary>Passes its input through and also merges in <paramref name="other"/>.</summary>
    public static IGraph<FlowShape<T, T>, NotUsed> MergeWith<T, TMat>(IGraph<SourceShape<T>, TMat> other) =>
        GraphDsl.Create(b =>
        {
            var merge = b.Add(new Merge<T>(2));
            b.From(other).To(merge.In(1));
            return new FlowShape<T, T>(merge.In(0), merge.Out);
        }).Named("MergeWith");

    /// <summary>Passes its input through and also to <paramref name="sink"/>.</summary>
    public static IGraph<FlowShape<T, T>, NotUsed> AlsoTo<T, TMat>(IGraph<SinkShape<T>, TMat> sink) =>
        GraphDsl.Create(b =>
        {
            var broadcast = b.Add(new Broadcast<T>(2, eagerCancel: true)); // Akka: alsoTo cancels when either side does
            b.From(broadcast.Out(1)).To(sink);
            return new FlowShape<T, T>(broadcast.In, broadcast.Out(0));
        }).Named("AlsoTo");
}
