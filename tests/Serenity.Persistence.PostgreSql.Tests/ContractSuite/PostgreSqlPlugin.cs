using Npgsql;
using Serenity.Persistence.Journal;
using Serenity.Persistence.PostgreSql.Tests.Fixture;
using Serenity.Persistence.Snapshots;
using Serenity.Persistence.Tests.Contract;

namespace Serenity.Persistence.PostgreSql.Tests.ContractSuite;

/// <summary>
/// The PostgreSQL plugin for the contract suite: a schema of its own in the fixture's database, shared by
/// journal and snapshots, dropped on disposal.
/// </summary>
internal sealed class PostgreSqlPlugin(PostgreSqlFixture fixture) : PluginUnderTest
{
    /// <summary>The fixture's database.</summary>
    public string ConnectionString { get; } = fixture.ConnectionString;

    /// <summary>This test's schema.</summary>
    public string Schema { get; } = fixture.NewSchema("contract");

    public override string JournalSection => Section(typeof(PostgreSqlJournalStore));

    public override string SnapshotSection => Section(typeof(PostgreSqlSnapshotStore));

    public override IJournalStore CreateJournalStore() => new PostgreSqlJournalStore(ConnectionString, Schema);

    public override ISnapshotStore CreateSnapshotStore() => new PostgreSqlSnapshotStore(ConnectionString, Schema);

    public override IReadOnlyList<string> CrashWriterArguments => ["--plugin", "postgresql", "--connection-string", ConnectionString, "--schema", Schema];

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {PostgreSqlTables.Quote(Schema)} CASCADE", connection);
            drop.ExecuteNonQuery();
        }
        base.Dispose(disposing);
    }

    private string Section(Type store) =>
        $"class = {PluginConfig.Quote(PluginConfig.ClassName(store))}\nconnection-string = {PluginConfig.Quote(ConnectionString)}\nschema = {PluginConfig.Quote(Schema)}";
}
