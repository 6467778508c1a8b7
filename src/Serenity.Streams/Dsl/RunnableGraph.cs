using Serenity.Streams.Implementation;

namespace Serenity.Streams.Dsl;

/// <summary>A closed graph: ready to <see cref="Run"/>.</summary>
public sealed class RunnableGraph<TMat> : IGraph<ClosedShape, TMat>
{
    private readonly Blueprint _blueprint;

    internal RunnableGraph(Blueprint blueprint) => _blueprint = blueprint;

    /// <inheritdoc />
    public ClosedShape Shape => ClosedShape.Instance;

    Blueprint IGraph<ClosedShape, TMat>.Blueprint => _blueprint;

    /// <summary>Starts the graph; returns its materialized value.</summary>
    public TMat Run(IMaterializer materializer)
    {
        ArgumentNullException.ThrowIfNull(materializer);
        return materializer.Materialize(this);
    }

    /// <summary>Transforms the materialized value.</summary>
    public RunnableGraph<TMat2> MapMaterializedValue<TMat2>(Func<TMat, TMat2> map) =>
        new(_blueprint.WithMat(_blueprint.Mat.Map(Composition.Untyped(map))));

    /// <summary>Replaces the attributes of the graph as a whole.</summary>
    public RunnableGraph<TMat> WithAttributes(Attributes attributes) => new(_blueprint.WithAttributes(attributes));

    /// <summary>Adds attributes to the graph as a whole.</summary>
    public RunnableGraph<TMat> AddAttributes(Attributes attributes) => new(_blueprint.AddAttributes(attributes));

    /// <summary>Names the graph.</summary>
    public RunnableGraph<TMat> Named(string name) => AddAttributes(Attributes.CreateName(name));

    IGraph<ClosedShape, TMat> IGraph<ClosedShape, TMat>.WithAttributes(Attributes attributes) => WithAttributes(attributes);

    IGraph<ClosedShape, TMat> IGraph<ClosedShape, TMat>.AddAttributes(Attributes attributes) => AddAttributes(attributes);

    IGraph<ClosedShape, TMat> IGraph<ClosedShape, TMat>.Named(string name) => Named(name);

    IGraph<ClosedShape, TMat> IGraph<ClosedShape, TMat>.Async() => this;

    /// <summary>Wraps a closed graph (from the graph DSL).</summary>
    public static RunnableGraph<TMat> FromGraph(IGraph<ClosedShape, TMat> graph) =>
        graph as RunnableGraph<TMat> ?? new RunnableGraph<TMat>(graph.BlueprintOf());
}

/// <summary>Factory for runnable graphs.</summary>
public static class RunnableGraph
{
    /// <summary>Wraps a closed graph (from the graph DSL).</summary>
    public static RunnableGraph<TMat> FromGraph<TMat>(IGraph<ClosedShape, TMat> graph) => RunnableGraph<TMat>.FromGraph(graph);
}
