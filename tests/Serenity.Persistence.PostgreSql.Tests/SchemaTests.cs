using Npgsql;
using Serenity.Persistence.PostgreSql.Tests.Fixture;

namespace Serenity.Persistence.PostgreSql.Tests;

/// <summary>The schema is created on start if absent, idempotently, also by several nodes at once.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SchemaTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task Migrate_creates_the_documented_tables_and_columns()
    {
        var schema = fixture.NewSchema();

        await PostgreSqlSchema.MigrateAsync(fixture.ConnectionString, schema);

        Assert.Equal(
            ["created:timestamp with time zone", "manifest:text", "ordering:bigint", "payload:bytea", "persistence_id:text", "sequence_nr:bigint", "tags:ARRAY", "writer_id:text"],
            await ColumnsAsync(schema, "journal"));
        Assert.Equal(["max_sequence_nr:bigint", "persistence_id:text"], await ColumnsAsync(schema, "journal_metadata"));
        Assert.Equal(
            ["created:timestamp with time zone", "manifest:text", "payload:bytea", "persistence_id:text", "sequence_nr:bigint"],
            await ColumnsAsync(schema, "snapshot"));
    }

    [Fact]
    public async Task Initializing_twice_and_from_a_second_node_keeps_the_data()
    {
        var schema = fixture.NewSchema();
        await using var journal = await StoreFactory.JournalAsync(fixture, schema);
        await journal.WriteAsync(Rows.Singles("kept", 1, 2), CancellationToken.None);

        await journal.InitializeAsync(CancellationToken.None);
        await PostgreSqlSchema.MigrateAsync(fixture.ConnectionString, schema);
        await using var secondNode = await StoreFactory.JournalAsync(fixture, schema);
        await using var snapshots = await StoreFactory.SnapshotsAsync(fixture, schema);

        Assert.Equal(2, await secondNode.ReadHighestSequenceNrAsync("kept", CancellationToken.None));
    }

    [Fact]
    public async Task Nodes_starting_at_once_all_create_the_schema_without_error()
    {
        var schema = fixture.NewSchema();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostgreSqlSchema.MigrateAsync(fixture.ConnectionString, schema))));

        Assert.Equal(8, (await ColumnsAsync(schema, "journal")).Count);
    }

    [Fact]
    public async Task A_schema_name_that_needs_quoting_is_used_as_given()
    {
        var schema = "Mixed \"Case\" " + fixture.NewSchema();
        await using var journal = await StoreFactory.JournalAsync(fixture, schema);

        await journal.WriteAsync(Rows.Singles("q", 1, 1), CancellationToken.None);

        Assert.Equal(1, await journal.ReadHighestSequenceNrAsync("q", CancellationToken.None));
        Assert.Equal(8, (await ColumnsAsync(schema, "journal")).Count);
    }

    private async Task<List<string>> ColumnsAsync(string schema, string table)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY column_name");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }
}
