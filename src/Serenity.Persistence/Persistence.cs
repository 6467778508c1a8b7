using System.Reflection;
using System.Runtime.ExceptionServices;
using Serenity.Actors;
using Serenity.Hocon;
using Serenity.Persistence.Journal;
using Serenity.Persistence.Serialization;
using Serenity.Persistence.Snapshots;

namespace Serenity.Persistence;

/// <summary>
/// The persistence extension of an actor system: the serializer registry, the journal and the
/// snapshot store, with plugins chosen by HOCON (<c>serenity.persistence.journal.plugin</c>,
/// <c>serenity.persistence.snapshot-store.plugin</c>: <c>sqlite</c>, <c>postgresql</c> or <c>memory</c>).
/// The journal is flushed and closed when the system terminates.
/// </summary>
public sealed class Persistence : IAsyncDisposable
{
    private Persistence(ActorSystem system)
    {
        var config = system.Settings.Config;
        Serialization = new EventSerialization();
        var log = system.LoggerFor("persistence");
        var journalStore = LoadPlugin<IJournalStore>(config, "serenity.persistence.journal");
        var snapshotStore = LoadPlugin<ISnapshotStore>(config, "serenity.persistence.snapshot-store");
        var maxBatch = config.GetInt("serenity.persistence.journal.max-batch-size");
        if (maxBatch < 1) throw new ConfigException("serenity.persistence.journal.max-batch-size", $"serenity.persistence.journal.max-batch-size: expected a positive integer, found {maxBatch}");
        Journal = new Journal.Journal(journalStore, Serialization, system.Clock, maxBatch, log);
        Snapshots = new SnapshotStore(snapshotStore, Serialization, system.Clock);
    }

    /// <summary>The system's persistence extension.</summary>
    public static Persistence Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(static s => new Persistence(s));
    }

    /// <summary>Event and snapshot types with their manifests.</summary>
    public EventSerialization Serialization { get; }

    /// <summary>The event journal.</summary>
    public Journal.Journal Journal { get; }

    /// <summary>The snapshot store.</summary>
    public SnapshotStore Snapshots { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync().ConfigureAwait(false);
        await Snapshots.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the plugin named at <c>{root}.plugin</c>: its section <c>{root}.{name}</c> names the class
    /// (<c>class = "Namespace.Type, Assembly"</c>), constructed with that section.
    /// </summary>
    private static T LoadPlugin<T>(Config config, string root)
    {
        var name = config.GetString(root + ".plugin");
        var section = root + "." + name;
        if (!config.HasPath(section + ".class"))
        {
            throw new ConfigException(root + ".plugin", $"{root}.plugin{Origin(config, root + ".plugin")}: no plugin '{name}' is configured (expected a section {section} with a 'class')");
        }
        var typeName = config.GetString(section + ".class");
        var type = Type.GetType(typeName, throwOnError: false)
            ?? throw new ConfigException(section + ".class", $"{section}.class{Origin(config, section + ".class")}: type '{typeName}' not found (is its assembly referenced by the host?)");
        if (!typeof(T).IsAssignableFrom(type))
        {
            throw new ConfigException(section + ".class", $"{section}.class: '{typeName}' does not implement {typeof(T).Name}");
        }
        try
        {
            return (T)Activator.CreateInstance(type, config.GetConfig(section))!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // The plugin's own message (e.g. a missing connection string) is the one the operator needs.
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static string Origin(Config config, string path) => config.OriginOf(path) is { } o ? " at " + o : "";
}
