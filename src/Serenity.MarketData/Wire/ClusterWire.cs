using Serenity.Actors;
using Serenity.Cluster.Provider;
using Serenity.Persistence.Serialization;

namespace Serenity.MarketData.Wire;

/// <summary>Registration of wire types, done only where something serializes them.</summary>
public static class ClusterWire
{
    /// <summary>
    /// Runs <paramref name="register"/> on <paramref name="system"/>'s serializer registry in cluster mode. Only the
    /// cluster provider serializes messages, and a local host may have no journal plugin to load.
    /// </summary>
    public static void RegisterWhenClustered(ActorSystem system, Action<EventSerialization> register)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(register);
        if (ClusterProvider.Get(system).IsCluster) register(Serenity.Persistence.Persistence.Get(system).Serialization);
    }
}
