using Serenity.Persistence.Journal;
using Serenity.Persistence.Snapshots;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>
/// What a plugin's test project gives the contract suite. A new instance is made for every test: its
/// constructor creates fresh storage (a temp file, a schema...) and <see cref="Dispose()"/> removes it.
/// A plugin test project subclasses each contract class, passing a new instance to its constructor.
/// </summary>
public abstract class PluginUnderTest : IDisposable
{
    /// <summary>
    /// A new, not yet initialized journal store over this test's storage. For a durable plugin, every store
    /// created sees the same data; for an in-memory one, each is a separate, empty journal.
    /// </summary>
    public abstract IJournalStore CreateJournalStore();

    /// <summary>A new, not yet initialized snapshot store over this test's storage.</summary>
    public abstract ISnapshotStore CreateSnapshotStore();

    /// <summary>The body of the journal plugin's HOCON section over this test's storage: its <c>class</c> and settings.</summary>
    public abstract string JournalSection { get; }

    /// <summary>The body of the snapshot-store plugin's HOCON section over this test's storage.</summary>
    public abstract string SnapshotSection { get; }

    /// <summary>
    /// The arguments of tests/Serenity.Persistence.CrashWriter that select this plugin over this test's
    /// storage (e.g. <c>--plugin sqlite --path file.db</c>); only durable plugins have them.
    /// </summary>
    public virtual IReadOnlyList<string> CrashWriterArguments => throw new NotSupportedException($"{GetType().Name} does not outlive a process");

    /// <summary>HOCON for an actor system whose journal and snapshot store are this plugin over this test's storage.</summary>
    public string SystemConfig => PluginConfig.System(JournalSection, SnapshotSection);

    /// <summary>Like <see cref="SystemConfig"/>, with the journal wrapped in a <see cref="ControlledJournalStore"/>.</summary>
    public string ControlledSystemConfig => PluginConfig.System(PluginConfig.Controlled(JournalSection), SnapshotSection);

    /// <summary>Removes this test's storage.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes this test's storage.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
