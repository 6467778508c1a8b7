using Serenity.Persistence.Journal;
using Serenity.Persistence.Snapshots;
using Serenity.Persistence.Tests.Contract;

namespace Serenity.Persistence.Sqlite.Tests;

/// <summary>The SQLite plugin for the contract suite: one database file in a fresh temp folder, shared by journal and snapshots.</summary>
internal sealed class SqlitePlugin : PluginUnderTest
{
    private readonly TempFolder _folder = new();

    public string DatabasePath => Path.Combine(_folder.Path, "journal", "serenity.db");

    public override string JournalSection => Section(typeof(SqliteJournalStore));

    public override string SnapshotSection => Section(typeof(SqliteSnapshotStore));

    public override IJournalStore CreateJournalStore() => new SqliteJournalStore(DatabasePath);

    public override ISnapshotStore CreateSnapshotStore() => new SqliteSnapshotStore(DatabasePath);

    public override IReadOnlyList<string> CrashWriterArguments => ["--plugin", "sqlite", "--path", DatabasePath];

    protected override void Dispose(bool disposing)
    {
        if (disposing) _folder.Dispose();
        base.Dispose(disposing);
    }

    private string Section(Type store) => $"class = {PluginConfig.Quote(PluginConfig.ClassName(store))}\npath = {PluginConfig.Quote(DatabasePath)}";
}
