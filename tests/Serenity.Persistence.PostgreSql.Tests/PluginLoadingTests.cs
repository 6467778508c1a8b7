using Npgsql;
using Serenity.Actors;
using Serenity.Hocon;
using Serenity.Persistence.PostgreSql.Tests.Fixture;

namespace Serenity.Persistence.PostgreSql.Tests;

/// <summary>
/// <c>plugin = postgresql</c> with the default sections of hocon/serenity.conf (the contract suite names
/// its classes itself): the loader creates these stores from the section, and the schema is created.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PluginLoadingTests(PostgreSqlFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_default_postgresql_sections_create_these_stores_over_the_configured_schema()
    {
        var schema = fixture.NewSchema();
        var connection = fixture.ConnectionString.Replace("\"", "\\\"", StringComparison.Ordinal);
        using var system = ActorSystem.Create("pg", ConfigurationFactory.ParseString($$"""
            serenity.stdout-loglevel = OFF
            serenity.persistence.journal { plugin = postgresql, postgresql { connection-string = "{{connection}}", schema = "{{schema}}" } }
            serenity.persistence.snapshot-store { plugin = postgresql, postgresql { connection-string = "{{connection}}", schema = "{{schema}}" } }
            """));
        var persistence = Persistence.Get(system);

        await persistence.Journal.Initialized.WaitAsync(s_timeout);

        Assert.IsType<PostgreSqlJournalStore>(persistence.Journal.Store);
        Assert.IsType<PostgreSqlSnapshotStore>(persistence.Snapshots.Store);
        Assert.Equal(["journal", "journal_metadata", "snapshot"], await TablesAsync(schema));
    }

    private async Task<List<string>> TablesAsync(string schema)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }
}
