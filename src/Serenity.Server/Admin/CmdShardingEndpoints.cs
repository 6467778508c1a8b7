using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serenity.Actors;
using Serenity.Cluster.Sharding;
using Serenity.Server.Api;

namespace Serenity.Server.Admin;

/// <summary>The <c>cluster-sharding</c> palette: regions, region-stats, shard-stats (this node's regions).</summary>
internal static class CmdShardingEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/sharding/regions", RegionsAsync);
        group.MapGet("/sharding/region-stats", RegionStatsAsync);
        group.MapGet("/sharding/shard-stats", ShardStatsAsync);
    }

    private static async Task<IResult> RegionsAsync(HttpContext http, CmdContext cmd)
    {
        var sharding = ClusterSharding.Get(cmd.Server.System);
        var regions = new List<object>();
        foreach (var type in sharding.ShardTypeNames.Order(StringComparer.Ordinal))
        {
            var stats = await StatsAsync(cmd, sharding, type, http.RequestAborted);
            regions.Add(new { type, shards = stats.Stats.Count, entities = stats.EntityCount });
        }
        return ApiResults.Json(new { node = cmd.Address, regions });
    }

    private static async Task<IResult> RegionStatsAsync(HttpContext http, CmdContext cmd)
    {
        var sharding = ClusterSharding.Get(cmd.Server.System);
        if (Unknown(http, sharding, out var type) is { } problem) return problem;
        var stats = await StatsAsync(cmd, sharding, type, http.RequestAborted);
        return ApiResults.Json(new { type, nodes = new[] { new { node = cmd.Address, shards = stats.Stats.Count, entities = stats.EntityCount } } });
    }

    private static async Task<IResult> ShardStatsAsync(HttpContext http, CmdContext cmd)
    {
        var sharding = ClusterSharding.Get(cmd.Server.System);
        if (Unknown(http, sharding, out var type) is { } problem) return problem;
        var stats = await StatsAsync(cmd, sharding, type, http.RequestAborted);
        var shards = stats.Stats.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new { node = cmd.Address, shard = s.Key, entities = s.Value }).ToList();
        return ApiResults.Json(new { type, shards, entities = stats.EntityCount });
    }

    private static IResult? Unknown(HttpContext http, ClusterSharding sharding, out string type)
    {
        type = http.Request.Query["type"].ToString();
        if (type.Length == 0) return ApiResults.Error(StatusCodes.Status400BadRequest, "type", "a region type is required");
        if (sharding.ShardTypeNames.Contains(type, StringComparer.Ordinal)) return null;
        var known = string.Join(", ", sharding.ShardTypeNames.Order(StringComparer.Ordinal));
        return ApiResults.Error(StatusCodes.Status404NotFound, "type", $"no shard region of type '{type}' on this node (regions: {known})");
    }

    private static Task<ShardRegionStats> StatsAsync(CmdContext cmd, ClusterSharding sharding, string type, CancellationToken cancellationToken) =>
        sharding.ShardRegion(type).Ask<ShardRegionStats>(GetShardRegionStats.Instance, cmd.Server.Settings.AskTimeout, cancellationToken);
}
