using Serenity.Actors;
using Serenity.Cluster.Sharding;
using Serenity.Hocon;
using Serenity.Server.Hosting;
using PersistenceExtension = Serenity.Persistence.Persistence;

namespace Serenity.Server.Admin;

/// <summary>What the journal looks like on this node: plugin, state, SQLite file sizes, persistent entities per type.</summary>
internal sealed record JournalStats(
    string Plugin,
    string Store,
    bool Open,
    bool Failed,
    string SnapshotPlugin,
    int MaxBatchSize,
    string? SqlitePath,
    long? SqliteFileBytes,
    long? SqliteWalBytes,
    SortedDictionary<string, int> Entities)
{
    /// <summary>Opening, open or failed.</summary>
    public string State => Failed ? "failed" : Open ? "open" : "opening";

    /// <summary>Reads the journal's state and asks every shard region for its entity count (one answer shared by the admin API and pbm).</summary>
    public static async Task<JournalStats> CollectAsync(ServerContext server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var config = server.System.Settings.Config;
        var journal = PersistenceExtension.Get(server.System).Journal;
        var plugin = config.GetString("serenity.persistence.journal.plugin");
        string? path = null;
        long? fileBytes = null, walBytes = null;
        if (plugin == "sqlite")
        {
            path = Path.GetFullPath(config.GetString("serenity.persistence.journal.sqlite.path"));
            fileBytes = File.Exists(path) ? new FileInfo(path).Length : null;
            walBytes = File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : null;
        }
        var sharding = ClusterSharding.Get(server.System);
        var entities = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var type in sharding.ShardTypeNames)
        {
            var stats = await sharding.ShardRegion(type).Ask<ShardRegionStats>(GetShardRegionStats.Instance, server.Settings.AskTimeout, cancellationToken).ConfigureAwait(false);
            entities[type] = stats.EntityCount;
        }
        var initialized = journal.Initialized;
        return new JournalStats(plugin, journal.Store.GetType().Name, initialized.IsCompletedSuccessfully, initialized.IsFaulted,
            config.GetString("serenity.persistence.snapshot-store.plugin"), config.GetInt("serenity.persistence.journal.max-batch-size"),
            path, fileBytes, walBytes, entities);
    }
}
