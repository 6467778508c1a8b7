using Serenity.Persistence.Journal;
using Serenity.Persistence.Snapshots;
using Serenity.Persistence.Tests.Contract;

namespace Serenity.Persistence.Tests;

/// <summary>The in-memory plugin for the contract suite: each store is its own, empty storage.</summary>
internal sealed class MemoryPlugin : PluginUnderTest
{
    public override string JournalSection => $"class = {PluginConfig.Quote(PluginConfig.ClassName(typeof(MemoryJournalStore)))}";

    public override string SnapshotSection => $"class = {PluginConfig.Quote(PluginConfig.ClassName(typeof(MemorySnapshotStore)))}";

    public override IJournalStore CreateJournalStore() => new MemoryJournalStore();

    public override ISnapshotStore CreateSnapshotStore() => new MemorySnapshotStore();
}
