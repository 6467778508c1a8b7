using System.Text.Json;
using Serenity.Cmd.Catalog;
using Serenity.Cmd.Output;
using Spectre.Console;

namespace Serenity.Cmd.Commands;

/// <summary>The <c>cluster-sharding</c> palette: regions, region-stats, shard-stats.</summary>
internal static class ShardingPalette
{
    private static readonly OptionSpec Region = new("region", "r", OptionKind.Text, "the region's entity type (see regions)") { ValueName = "type", Required = true };

    public static PaletteSpec Palette { get; } = new("cluster-sharding", "shard regions and their entities",
    [
        new CommandSpec("regions", "the shard regions on the node: type, shards, entities", new CommandHandler(_ => NodeRequest.Get("sharding/regions"), RenderRegions)),
        new CommandSpec("region-stats", "per member: shards and entities of one region", [], [Region],
            new CommandHandler(i => NodeRequest.Get("sharding/region-stats" + i.Query(("region", "type"))), RenderRegionStats)),
        new CommandSpec("shard-stats", "per shard, on every member: entities of one region", [], [Region],
            new CommandHandler(i => NodeRequest.Get("sharding/shard-stats" + i.Query(("region", "type"))), RenderShardStats)),
    ]);

    private static void RenderRegions(IAnsiConsole console, JsonElement answer) =>
        Show.Rows(console, Show.Property(answer, "regions"), ("Region", "type"), ("Shards", "shards"), ("Entities", "entities"));

    private static void RenderRegionStats(IAnsiConsole console, JsonElement answer)
    {
        Show.Line(console, "Region: " + Show.Text(Show.Property(answer, "type")));
        var nodes = Show.Property(answer, "nodes");
        Show.Rows(console, nodes, ("Node", "node"), ("Shards", "shards"), ("Entities", "entities"));
        Unavailable(console, nodes);
    }

    private static void RenderShardStats(IAnsiConsole console, JsonElement answer)
    {
        Show.Line(console, "Region: " + Show.Text(Show.Property(answer, "type")));
        Show.Rows(console, Show.Property(answer, "shards"), ("Node", "node"), ("Shard", "shard"), ("Entities", "entities"));
        Show.Line(console, Show.Invariant($"Total: {Show.Count(answer, "entities")} entities"));
        Unavailable(console, Show.Property(answer, "unavailable"));
    }

    /// <summary>A line per member whose counts are missing, with the reason (a node counts only its own entities).</summary>
    private static void Unavailable(IAnsiConsole console, JsonElement nodes)
    {
        if (nodes.ValueKind != JsonValueKind.Array) return;
        foreach (var node in nodes.EnumerateArray())
        {
            if (Show.Property(node, "error") is { ValueKind: JsonValueKind.String } error) Show.Line(console, $"{Show.Text(Show.Property(node, "node"))}: {error.GetString()}");
        }
    }
}
