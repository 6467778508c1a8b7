using Serenity.Streams.Stages;

namespace Serenity.Streams.Dsl;

/// <summary>Factories of flows.</summary>
public static class Flow
{
    /// <summary>The identity flow: the start of a chain of operators.</summary>
    public static Flow<T, T, NotUsed> Create<T>()
    {
        var stage = new Identity<T>();
        return new Flow<T, T, NotUsed>(((IGraph<FlowShape<T, T>, NotUsed>)stage).BlueprintOf(), stage.Shape, isIdentity: true);
    }

    /// <summary>Wraps any flow-shaped graph.</summary>
    public static Flow<TIn, TOut, TMat> FromGraph<TIn, TOut, TMat>(IGraph<FlowShape<TIn, TOut>, TMat> graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph as Flow<TIn, TOut, TMat> ?? new Flow<TIn, TOut, TMat>(graph.BlueprintOf(), graph.Shape);
    }

    /// <summary>A flow applying <paramref name="func"/> to each element.</summary>
    public static Flow<TIn, TOut, NotUsed> FromFunction<TIn, TOut>(Func<TIn, TOut> func) => Create<TIn>().Select(func);
}
