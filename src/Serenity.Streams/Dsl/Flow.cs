using Serenity.Streams.Implementation;

namespace Serenity.Streams.Dsl;

/// <summary>
/// A graph with one open inlet and one open outlet: it transforms <typeparamref name="TIn"/> into
/// <typeparamref name="TOut"/> and materializes to <typeparamref name="TMat"/>.
/// </summary>
public sealed class Flow<TIn, TOut, TMat> : IGraph<FlowShape<TIn, TOut>, TMat>
{
    private readonly Blueprint _blueprint;

    internal Flow(Blueprint blueprint, FlowShape<TIn, TOut> shape, bool isIdentity = false)
    {
        _blueprint = blueprint;
        Shape = shape;
        IsIdentity = isIdentity;
    }

    /// <inheritdoc />
    public FlowShape<TIn, TOut> Shape { get; }

    /// <summary>True for <c>Flow.Create</c>: composing with it adds no stage.</summary>
    internal bool IsIdentity { get; }

    Blueprint IGraph<FlowShape<TIn, TOut>, TMat>.Blueprint => _blueprint;

    /// <summary>Continues with <paramref name="flow"/>, keeping this flow's materialized value.</summary>
    public Flow<TIn, T2, TMat> Via<T2, TMat2>(IGraph<FlowShape<TOut, T2>, TMat2> flow)
    {
        if (flow is Flow<TOut, T2, TMat2> { IsIdentity: true }) return (Flow<TIn, T2, TMat>)(object)this;
        if (IsIdentity)
        {
            // Identity has nothing to keep but NotUsed: take the other flow's stages, but not its value.
            var other = flow.BlueprintOf();
            return new Flow<TIn, T2, TMat>(other.WithMat(MatNode.NotUsedValue), new FlowShape<TIn, T2>((Inlet<TIn>)(object)flow.Shape.In, flow.Shape.Out));
        }
        return new Flow<TIn, T2, TMat>(Composition.LinearUntyped(_blueprint, flow.BlueprintOf(), null, keepLeft: true), new FlowShape<TIn, T2>(Shape.In, flow.Shape.Out));
    }

    /// <summary>Continues with <paramref name="flow"/>; <paramref name="combine"/> picks the materialized value.</summary>
    public Flow<TIn, T2, TMat3> ViaMaterialized<T2, TMat2, TMat3>(IGraph<FlowShape<TOut, T2>, TMat2> flow, Func<TMat, TMat2, TMat3> combine) =>
        new(Composition.Linear(_blueprint, flow.BlueprintOf(), combine), new FlowShape<TIn, T2>(Shape.In, flow.Shape.Out));

    /// <summary>Connects to <paramref name="sink"/>, keeping this flow's materialized value.</summary>
    public Sink<TIn, TMat> To<TMat2>(IGraph<SinkShape<TOut>, TMat2> sink) =>
        new(Composition.LinearUntyped(_blueprint, sink.BlueprintOf(), null, keepLeft: true), new SinkShape<TIn>(Shape.In));

    /// <summary>Connects to <paramref name="sink"/>; <paramref name="combine"/> picks the materialized value.</summary>
    public Sink<TIn, TMat3> ToMaterialized<TMat2, TMat3>(IGraph<SinkShape<TOut>, TMat2> sink, Func<TMat, TMat2, TMat3> combine) =>
        new(Composition.Linear(_blueprint, sink.BlueprintOf(), combine), new SinkShape<TIn>(Shape.In));

    /// <summary>Connects <paramref name="source"/> in front and <paramref name="sink"/> behind, and runs.</summary>
    public (TMat1, TMat2) RunWith<TMat1, TMat2>(IGraph<SourceShape<TIn>, TMat1> source, IGraph<SinkShape<TOut>, TMat2> sink, IMaterializer materializer) =>
        Source.FromGraph(source).Via(this).ToMaterialized(sink, Keep.Both).Run(materializer);

    /// <summary>Transforms the materialized value.</summary>
    public Flow<TIn, TOut, TMat2> MapMaterializedValue<TMat2>(Func<TMat, TMat2> map) =>
        new(_blueprint.WithMat(_blueprint.Mat.Map(Composition.Untyped(map))), Shape);

    /// <summary>Replaces the attributes of this flow as a whole.</summary>
    public Flow<TIn, TOut, TMat> WithAttributes(Attributes attributes) => new(_blueprint.WithAttributes(attributes), Shape);

    /// <summary>Adds attributes to this flow as a whole.</summary>
    public Flow<TIn, TOut, TMat> AddAttributes(Attributes attributes) => new(_blueprint.AddAttributes(attributes), Shape);

    /// <summary>Names this flow.</summary>
    public Flow<TIn, TOut, TMat> Named(string name) => AddAttributes(Attributes.CreateName(name));

    /// <summary>Puts an async boundary around this flow: it runs in an interpreter of its own.</summary>
    public Flow<TIn, TOut, TMat> Async() => AddAttributes(Attributes.CreateAsyncBoundary());

    IGraph<FlowShape<TIn, TOut>, TMat> IGraph<FlowShape<TIn, TOut>, TMat>.WithAttributes(Attributes attributes) => WithAttributes(attributes);

    IGraph<FlowShape<TIn, TOut>, TMat> IGraph<FlowShape<TIn, TOut>, TMat>.AddAttributes(Attributes attributes) => AddAttributes(attributes);

    IGraph<FlowShape<TIn, TOut>, TMat> IGraph<FlowShape<TIn, TOut>, TMat>.Named(string name) => Named(name);

    IGraph<FlowShape<TIn, TOut>, TMat> IGraph<FlowShape<TIn, TOut>, TMat>.Async() => Async();

    /// <inheritdoc />
    public override string ToString() => $"Flow({Shape})";
}
