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
        var j = await JournalStats.CollectAsync(cmd.Server, http.RequestAborted);
        return ApiResults.Json(new
        {
            plugin = j.Plugin,
            store = j.Store,
            state = j.State,
            snapshot_plugin = j.SnapshotPlugin,
            max_batch_size = j.MaxBatchSize,
            sqlite_path = j.SqlitePath,
            sqlite_file_bytes = j.SqliteFileBytes,
            sqlite_wal_bytes = j.SqliteWalBytes,
            entities = j.Entities,
        });
    }
}
