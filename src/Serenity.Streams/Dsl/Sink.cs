using Serenity.Streams.Implementation;

namespace Serenity.Streams.Dsl;

/// <summary>A graph with one open inlet: it consumes <typeparamref name="TIn"/> and materializes to <typeparamref name="TMat"/>.</summary>
public sealed class Sink<TIn, TMat> : IGraph<SinkShape<TIn>, TMat>
{
    private readonly Blueprint _blueprint;

    internal Sink(Blueprint blueprint, SinkShape<TIn> shape)
    {
        _blueprint = blueprint;
        Shape = shape;
    }

    /// <inheritdoc />
    public SinkShape<TIn> Shape { get; }

    Blueprint IGraph<SinkShape<TIn>, TMat>.Blueprint => _blueprint;

    /// <summary>Connects <paramref name="source"/> and runs; returns this sink's materialized value.</summary>
    public TMat RunWith<TMat2>(IGraph<SourceShape<TIn>, TMat2> source, IMaterializer materializer) =>
        Source.FromGraph(source).ToMaterialized(this, Keep.Right).Run(materializer);

    /// <summary>Transforms the materialized value.</summary>
    public Sink<TIn, TMat2> MapMaterializedValue<TMat2>(Func<TMat, TMat2> map) =>
        new(_blueprint.WithMat(_blueprint.Mat.Map(Composition.Untyped(map))), Shape);

    /// <summary>Replaces the attributes of this sink as a whole.</summary>
    public Sink<TIn, TMat> WithAttributes(Attributes attributes) => new(_blueprint.WithAttributes(attributes), Shape);

    /// <summary>Adds attributes to this sink as a whole.</summary>
    public Sink<TIn, TMat> AddAttributes(Attributes attributes) => new(_blueprint.AddAttributes(attributes), Shape);

    /// <summary>Names this sink.</summary>
    public Sink<TIn, TMat> Named(string name) => AddAttributes(Attributes.CreateName(name));

    /// <summary>Puts an async boundary in front of this sink.</summary>
    public Sink<TIn, TMat> Async() => AddAttributes(Attributes.CreateAsyncBoundary());

    IGraph<SinkShape<TIn>, TMat> IGraph<SinkShape<TIn>, TMat>.WithAttributes(Attributes attributes) => WithAttributes(attributes);

    IGraph<SinkShape<TIn>, TMat> IGraph<SinkShape<TIn>, TMat>.AddAttributes(Attributes attributes) => AddAttributes(attributes);

    IGraph<SinkShape<TIn>, TMat> IGraph<SinkShape<TIn>, TMat>.Named(string name) => Named(name);

    IGraph<SinkShape<TIn>, TMat> IGraph<SinkShape<TIn>, TMat>.Async() => Async();

    /// <inheritdoc />
    public override string ToString() => $"Sink({Shape})";
}
