using Serenity.Actors;

namespace Serenity.Benchmarks;

/// <summary>An actor system persisting to a fresh store of one plugin; disposing it removes the store.</summary>
internal interface IPersistenceBenchSystem : IDisposable
{
    /// <summary>The system, with the benchmarks' event registered.</summary>
    ActorSystem System { get; }
}
