using Serenity.Actors;

namespace Serenity.Streams;

/// <summary>Turns a runnable graph into running stages and hands out its materialized value.</summary>
public interface IMaterializer
{
    /// <summary>The actor system whose clock, scheduler and logging the stages use.</summary>
    ActorSystem System { get; }

    /// <summary>The settings.</summary>
    ActorMaterializerSettings Settings { get; }

    /// <summary>Starts <paramref name="runnable"/>; returns its materialized value at once (stages run asynchronously).</summary>
    TMat Materialize<TMat>(IGraph<ClosedShape, TMat> runnable);
}
