using Serenity.Persistence.PostgreSql.Tests.Fixture;

namespace Serenity.Persistence.PostgreSql.Tests;

/// <summary>Initialized stores in a fresh schema of the fixture's database.</summary>
internal static class StoreFactory
{
    /// <summary>A journal in a schema of its own, schema created.</summary>
    public static async Task<PostgreSqlJournalStore> JournalAsync(PostgreSqlFixture fixture, string? schema = null)
    {
        var store = new PostgreSqlJournalStore(fixture.ConnectionString, schema ?? fixture.NewSchema());
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    /// <summary>A snapshot store in a schema of its own, schema created.</summary>
    public static async Task<PostgreSqlSnapshotStore> SnapshotsAsync(PostgreSqlFixture fixture, string? schema = null)
    {
        var store = new PostgreSqlSnapshotStore(fixture.ConnectionString, schema ?? fixture.NewSchema());
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
