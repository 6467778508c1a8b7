using Serenity.Streams.Implementation;

namespace Serenity.Streams;

/// <summary>
/// A blueprint of a graph with a <typeparamref name="TShape"/> of open ports that materializes to a
/// <typeparamref name="TMat"/>. Immutable and reusable: each materialization runs fresh stage logic.
/// </summary>
public interface IGraph<out TShape, out TMat> where TShape : Shape
{
    /// <summary>The open ports.</summary>
    TShape Shape { get; }

    /// <summary>The flat description the materializer runs.</summary>
    internal Blueprint Blueprint { get; }

    /// <summary>The same graph with <paramref name="attributes"/> replacing the graph-level ones.</summary>
    IGraph<TShape, TMat> WithAttributes(Attributes attributes);

    /// <summary>The same graph with <paramref name="attributes"/> added to the graph-level ones.</summary>
    IGraph<TShape, TMat> AddAttributes(Attributes attributes);

    /// <summary>The same graph with a name.</summary>
    IGraph<TShape, TMat> Named(string name);

    /// <summary>The same graph behind an async boundary: it runs in an interpreter of its own.</summary>
    IGraph<TShape, TMat> Async();
}

/// <summary>A graph given by a shape and a blueprint (what <c>WithAttributes</c> on a stage returns, and the graph DSL's result).</summary>
internal sealed class GenericGraph<TShape, TMat>(TShape shape, Blueprint blueprint) : IGraph<TShape, TMat> where TShape : Shape
{
    public TShape Shape { get; } = shape;

    Blueprint IGraph<TShape, TMat>.Blueprint => blueprint;

    public IGraph<TShape, TMat> WithAttributes(Attributes attributes) => new GenericGraph<TShape, TMat>(Shape, blueprint.WithAttributes(attributes));

    public IGraph<TShape, TMat> AddAttributes(Attributes attributes) => new GenericGraph<TShape, TMat>(Shape, blueprint.AddAttributes(attributes));

    public IGraph<TShape, TMat> Named(string name) => AddAttributes(Attributes.CreateName(name));

    public IGraph<TShape, TMat> Async() => AddAttributes(Attributes.CreateAsyncBoundary());
}

/// <summary>Reads the blueprint of any graph.</summary>
internal static class GraphExtensions
{
    public static Blueprint BlueprintOf<TShape, TMat>(this IGraph<TShape, TMat> graph) where TShape : Shape
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.Blueprint;
    }
}
