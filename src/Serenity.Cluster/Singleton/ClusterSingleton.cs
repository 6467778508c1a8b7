using System.Collections.Concurrent;
using Serenity.Actors;
using Serenity.Cluster.Provider;

namespace Serenity.Cluster.Singleton;

/// <summary>
/// Cluster singletons (Akka's ClusterSingleton / ClusterSingletonManager + ClusterSingletonProxy): one
/// instance of an actor in the whole cluster, on a node with the given role, moved to another such
/// node when its node leaves or dies. <see cref="Init"/> returns the proxy to talk to it from any node.
/// With the local provider the singleton simply runs in this process.
/// </summary>
public sealed class ClusterSingleton
{
    /// <summary>Default number of messages a proxy keeps waiting while the singleton moves.</summary>
    public const int DefaultBufferSize = 1000;

    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, Lazy<IActorRef>> _proxies = new(StringComparer.Ordinal);

    private ClusterSingleton(ActorSystem system) => _system = system;

    /// <summary>The system's singletons.</summary>
    public static ClusterSingleton Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(static s => new ClusterSingleton(s));
    }

    /// <summary>
    /// Starts (once per node) the singleton <paramref name="name"/> created with <paramref name="props"/>
    /// on exactly one node with <paramref name="role"/> (null: any node), and returns its proxy.
    /// </summary>
    public IActorRef Init(string name, Props props, string? role = null, int bufferSize = DefaultBufferSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(props);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        var provider = ClusterProvider.Get(_system).Provider;
        return _proxies.GetOrAdd(name, n => new Lazy<IActorRef>(() => provider is not null
            ? provider.StartSingleton(n, props, role, bufferSize)
            : ClusterProvider.SystemActorOf(_system, props, "singleton-" + Uri.EscapeDataString(n)))).Value;
    }
}
