using Serenity.Hocon;
using Serenity.Persistence.Tests.Contract;

namespace Serenity.Persistence.Sqlite.Tests;

/// <summary>Where the plugin stores, and how its connections are set up.</summary>
public sealed class SqliteSettingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_path_setting_names_the_file_and_missing_folders_are_created()
    {
        var path = Path.Combine(_folder.Path, "a", "b", "journal.db");
        var config = ConfigurationFactory.ParseString($"path = {PluginConfig.Quote(path)}");

        await using (var journal = new SqliteJournalStore(config))
        {
            await journal.InitializeAsync(CancellationToken.None);
        }
        await using (var snapshots = new SqliteSnapshotStore(config))
        {
            await snapshots.InitializeAsync(CancellationToken.None);
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Without_a_path_setting_the_file_is_data_serenity_db()
    {
        await using var journal = new SqliteJournalStore(ConfigurationFactory.Empty);
        await using var snapshots = new SqliteSnapshotStore(ConfigurationFactory.Empty);

        Assert.Equal(Path.GetFullPath("data/serenity.db"), journal.Path);
        Assert.Equal(Path.GetFullPath("data/serenity.db"), snapshots.Path);
    }

    [Fact]
    public void Connections_use_WAL_durable_commits_and_a_busy_timeout()
    {
        var database = new SqliteDatabase(Path.Combine(_folder.Path, "pragmas.db"));
        using var connection = database.Open();
        SqliteDatabase.CreateSchema(connection, "CREATE TABLE IF NOT EXISTS t (x INTEGER);");

        Assert.Equal("wal", Pragma(connection, "journal_mode"));
        Assert.Equal(2L, Pragma(connection, "synchronous")); // FULL: a commit is synced before it returns
        Assert.True((long)Pragma(connection, "busy_timeout") >= 1_000);
    }

    public void Dispose() => _folder.Dispose();

    private static object Pragma(Microsoft.Data.Sqlite.SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return command.ExecuteScalar()!;
    }
}
