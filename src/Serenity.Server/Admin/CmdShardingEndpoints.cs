using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serenity.Cluster.Sharding;
using Serenity.Server.Admin.Cluster;
using Serenity.Server.Api;

namespace Serenity.Server.Admin;

/// <summary>
/// The <c>cluster-sharding</c> palette: regions (this node's), region-stats and shard-stats (every member's: see
/// <see cref="MemberShardStats"/>; <c>scope=node</c> answers for this node only, which is what members ask each other).
/// </summary>
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
            var shards = await cmd.Cluster.LocalShardsAsync(type, http.RequestAborted);
            regions.Add(new { type, shards = shards.Count, entities = shards.Values.Sum() });
        }
        return ApiResults.Json(new { node = cmd.Cluster.Self.Address, regions });
    }

    private static async Task<IResult> RegionStatsAsync(HttpContext http, CmdContext cmd)
    {
        if (Unknown(http, cmd, out var type) is { } problem) return problem;
        var nodes = await GatherAsync(http, cmd, type);
        return ApiResults.Json(new
        {
            type,
            nodes = nodes.Select(n => new { node = n.Node, shards = n.Shards?.Count, entities = n.Shards?.Values.Sum(), error = n.Error }),
        });
    }

    private static async Task<IResult> ShardStatsAsync(HttpContext http, CmdContext cmd)
    {
        if (Unknown(http, cmd, out var type) is { } problem) return problem;
        var nodes = await GatherAsync(http, cmd, type);
        var shards = nodes.Where(n => n.Shards is not null)
            .SelectMany(n => n.Shards!.Select(s => new { node = n.Node, shard = s.Key, entities = s.Value }))
            // Shard ids are numbers as text: shorter first puts 2 before 11.
            .OrderBy(s => s.node, StringComparer.Ordinal).ThenBy(s => s.shard.Length).ThenBy(s => s.shard, StringComparer.Ordinal).ToList();
        var unavailable = nodes.Where(n => n.Error is not null).Select(n => new { node = n.Node, error = n.Error }).ToList();
        return ApiResults.Json(new { type, shards, entities = shards.Sum(s => s.entities), unavailable });
    }

    private static async Task<IReadOnlyList<NodeShards>> GatherAsync(HttpContext http, CmdContext cmd, string type) =>
        http.Request.Query["scope"] == "node"
            ? [await MemberShardStats.LocalAsync(cmd, cmd.Cluster.Self.Address, type, http.RequestAborted)]
            : await MemberShardStats.GatherAsync(cmd, type, http.RequestAborted);

    private static IResult? Unknown(HttpContext http, CmdContext cmd, out string type)
    {
        var sharding = ClusterSharding.Get(cmd.Server.System);
        type = http.Request.Query["type"].ToString();
        if (type.Length == 0) return ApiResults.Error(StatusCodes.Status400BadRequest, "type", "a region type is required");
        if (sharding.ShardTypeNames.Contains(type, StringComparer.Ordinal)) return null;
        var known = string.Join(", ", sharding.ShardTypeNames.Order(StringComparer.Ordinal));
        return ApiResults.Error(StatusCodes.Status404NotFound, "type", $"no shard region of type '{type}' on this node (regions: {known})");
    }
}
