using Serenity.Streams.Implementation;

namespace Serenity.Streams.Dsl;

/// <summary>
/// A graph with one open outlet: it produces elements of <typeparamref name="TOut"/> and materializes to
/// <typeparamref name="TMat"/>. Immutable; operators return new sources.
/// </summary>
public sealed class Source<TOut, TMat> : IGraph<SourceShape<TOut>, TMat>
{
    private readonly Blueprint _blueprint;

    internal Source(Blueprint blueprint, SourceShape<TOut> shape)
    {
        _blueprint = blueprint;
        Shape = shape;
    }

    /// <inheritdoc />
    public SourceShape<TOut> Shape { get; }

    Blueprint IGraph<SourceShape<TOut>, TMat>.Blueprint => _blueprint;

    /// <summary>Continues with <paramref name="flow"/>, keeping this source's materialized value.</summary>
    public Source<T2, TMat> Via<T2, TMat2>(IGraph<FlowShape<TOut, T2>, TMat2> flow)
    {
        if (flow is Flow<TOut, T2, TMat2> { IsIdentity: true }) return (Source<T2, TMat>)(object)this;
        return new Source<T2, TMat>(Composition.LinearUntyped(_blueprint, flow.BlueprintOf(), null, keepLeft: true), new SourceShape<T2>(flow.Shape.Out));
    }

    /// <summary>Continues with <paramref name="flow"/>; <paramref name="combine"/> picks the materialized value.</summary>
    public Source<T2, TMat3> ViaMaterialized<T2, TMat2, TMat3>(IGraph<FlowShape<TOut, T2>, TMat2> flow, Func<TMat, TMat2, TMat3> combine) =>
        new(Composition.Linear(_blueprint, flow.BlueprintOf(), combine), new SourceShape<T2>(flow.Shape.Out));

    /// <summary>Connects to <paramref name="sink"/>, keeping this source's materialized value.</summary>
    public RunnableGraph<TMat> To<TMat2>(IGraph<SinkShape<TOut>, TMat2> sink) =>
        new(Composition.LinearUntyped(_blueprint, sink.BlueprintOf(), null, keepLeft: true));

    /// <summary>Connects to <paramref name="sink"/>; <paramref name="combine"/> picks the materialized value.</summary>
    public RunnableGraph<TMat3> ToMaterialized<TMat2, TMat3>(IGraph<SinkShape<TOut>, TMat2> sink, Func<TMat, TMat2, TMat3> combine) =>
        new(Composition.Linear(_blueprint, sink.BlueprintOf(), combine));

    /// <summary>Connects to <paramref name="sink"/> and runs; returns the sink's materialized value.</summary>
    public TMat2 RunWith<TMat2>(IGraph<SinkShape<TOut>, TMat2> sink, IMaterializer materializer) =>
        ToMaterialized(sink, Keep.Right).Run(materializer);

    /// <summary>Runs <paramref name="action"/> for each element; the task completes with the stream.</summary>
    public Task RunForeach(Action<TOut> action, IMaterializer materializer) => RunWith(Sink.ForEach(action), materializer);

    /// <summary>Folds every element into a result, available when the stream completes.</summary>
    public Task<TAcc> RunAggregate<TAcc>(TAcc zero, Func<TAcc, TOut, TAcc> aggregate, IMaterializer materializer) =>
        RunWith(Sink.Aggregate(zero, aggregate), materializer);

    /// <summary>Transforms the materialized value.</summary>
    public Source<TOut, TMat2> MapMaterializedValue<TMat2>(Func<TMat, TMat2> map) =>
        new(_blueprint.WithMat(_blueprint.Mat.Map(Composition.Untyped(map))), Shape);

    /// <summary>Replaces the attributes of this source as a whole.</summary>
    public Source<TOut, TMat> WithAttributes(Attributes attributes) => new(_blueprint.WithAttributes(attributes), Shape);

    /// <summary>Adds attributes to this source as a whole.</summary>
    public Source<TOut, TMat> AddAttributes(Attributes attributes) => new(_blueprint.AddAttributes(attributes), Shape);

    /// <summary>Names this source.</summary>
    public Source<TOut, TMat> Named(string name) => AddAttributes(Attributes.CreateName(name));

    /// <summary>Puts an async boundary after this source: it runs in an interpreter of its own.</summary>
    public Source<TOut, TMat> Async() => AddAttributes(Attributes.CreateAsyncBoundary());

    IGraph<SourceShape<TOut>, TMat> IGraph<SourceShape<TOut>, TMat>.WithAttributes(Attributes attributes) => WithAttributes(attributes);

    IGraph<SourceShape<TOut>, TMat> IGraph<SourceShape<TOut>, TMat>.AddAttributes(Attributes attributes) => AddAttributes(attributes);

    IGraph<SourceShape<TOut>, TMat> IGraph<SourceShape<TOut>, TMat>.Named(string name) => Named(name);

    IGraph<SourceShape<TOut>, TMat> IGraph<SourceShape<TOut>, TMat>.Async() => Async();

    /// <inheritdoc />
    public override string ToString() => $"Source({Shape})";
}
