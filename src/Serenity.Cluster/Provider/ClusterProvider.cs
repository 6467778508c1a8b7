using System.Reflection;
using System.Runtime.ExceptionServices;
using Serenity.Actors;
using Serenity.Hocon;

namespace Serenity.Cluster.Provider;

/// <summary>
/// The provider switch <c>serenity.actor.provider</c>: <c>local</c> (everything in this process; the
/// default) or <c>cluster</c> (the class named by <c>serenity.cluster.provider-class</c>, constructed with
/// the <see cref="ActorSystem"/>). A bad value stops start-up with the file, line and what was expected.
/// </summary>
public sealed class ClusterProvider
{
    /// <summary>The key of the switch.</summary>
    public const string ProviderPath = "serenity.actor.provider";

    /// <summary>The key naming the cluster provider's class.</summary>
    public const string ClassPath = "serenity.cluster.provider-class";

    private ClusterProvider(IClusterProvider? provider) => Provider = provider;

    /// <summary>The cluster provider, or null with the local provider.</summary>
    public IClusterProvider? Provider { get; }

    /// <summary>True with <c>provider = cluster</c>.</summary>
    public bool IsCluster => Provider is not null;

    /// <summary>
    /// A graceful leave before shutdown (call it before <see cref="ActorSystem.Terminate"/>): with a cluster
    /// provider this node hands its shards and singletons off (<see cref="IClusterProvider.LeaveAsync"/>);
    /// with the local provider there is nothing to hand off. A system terminated without it drops its
    /// shards instead: their unacknowledged messages are redelivered to the next owners.
    /// </summary>
    public Task LeaveAsync(TimeSpan timeout) => Provider?.LeaveAsync(timeout) ?? Task.CompletedTask;

    /// <summary>The system's provider, created (and, for a cluster, connected) on first use.</summary>
    public static ClusterProvider Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(static s => new ClusterProvider(Load(s)));
    }

    /// <summary>Reads the switch: true for <c>cluster</c>, false for <c>local</c>, else a <see cref="ConfigException"/>.</summary>
    public static bool IsClusterConfigured(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var value = config.GetString(ProviderPath, "local");
        return value switch
        {
            "local" => false,
            "cluster" => true,
            _ => throw new ConfigException(ProviderPath, $"{ProviderPath}{Origin(config, ProviderPath)}: expected 'local' or 'cluster', found '{value}'"),
        };
    }

    /// <summary>For providers: creates an infrastructure actor under <c>/system</c> (it outlives every <c>/user</c> actor at shutdown).</summary>
    public static IActorRef SystemActorOf(ActorSystem system, Props props, string name)
    {
        ArgumentNullException.ThrowIfNull(system);
        return ((ActorSystemImpl)system).SystemActorOf(props, name);
    }

    private static IClusterProvider? Load(ActorSystem system)
    {
        var config = system.Settings.Config;
        if (!IsClusterConfigured(config)) return null;
        var typeName = config.GetString(ClassPath, "");
        var type = (typeName.Length == 0 ? null : Type.GetType(typeName, throwOnError: false))
            ?? throw new ConfigException(ClassPath, $"{ClassPath}{Origin(config, ClassPath)}: type '{typeName}' not found (is the provider's assembly, e.g. Serenity.Cluster.RabbitMq, referenced by the host?)");
        if (!typeof(IClusterProvider).IsAssignableFrom(type))
        {
            throw new ConfigException(ClassPath, $"{ClassPath}: '{typeName}' does not implement {nameof(IClusterProvider)}");
        }
        try
        {
            return (IClusterProvider)Activator.CreateInstance(type, system)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static string Origin(Config config, string path) => config.OriginOf(path) is { } o ? " at " + o : "";
}
