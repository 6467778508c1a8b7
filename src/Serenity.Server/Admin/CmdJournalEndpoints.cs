using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serenity.Actors;
using Serenity.Cluster.Sharding;
using Serenity.Server.Api;
using PersistenceExtension = Serenity.Persistence.Persistence;

namespace Serenity.Server.Admin;

/// <summary>The <c>journal</c> palette: <c>journal stats</c> (plugin, state, SQLite file sizes, persistent entities per type).</summary>
internal static class CmdJournalEndpoints
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/journal/stats", StatsAsync);

    private static async Task<IResult> StatsAsync(HttpContext http, CmdContext cmd)
    {
        var system = cmd.Server.System;
        var config = system.Settings.Config;
        var persistence = PersistenceExtension.Get(system);
        var plugin = config.GetString("serenity.persistence.journal.plugin");
        var initialized = persistence.Journal.Initialized;
        string? path = null;
        long? fileBytes = null, walBytes = null;
        if (plugin == "sqlite")
        {
            path = Path.GetFullPath(config.GetString("serenity.persistence.journal.sqlite.path"));
            fileBytes = File.Exists(path) ? new FileInfo(path).Length : null;
            walBytes = File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : null;
        }
        var sharding = ClusterSharding.Get(system);
        var entities = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var type in sharding.ShardTypeNames)
        {
            var stats = await sharding.ShardRegion(type).Ask<ShardRegionStats>(GetShardRegionStats.Instance, cmd.Server.Settings.AskTimeout, http.RequestAborted);
            entities[type] = stats.EntityCount;
        }
        return ApiResults.Json(new
        {
            plugin,
            store = persistence.Journal.Store.GetType().Name,
            state = initialized.IsFaulted ? "failed" : initialized.IsCompletedSuccessfully ? "open" : "opening",
            snapshot_plugin = config.GetString("serenity.persistence.snapshot-store.plugin"),
            max_batch_size = config.GetInt("serenity.persistence.journal.max-batch-size"),
            sqlite_path = path,
            sqlite_file_bytes = fileBytes,
            sqlite_wal_bytes = walBytes,
            entities,
        });
    }
}
