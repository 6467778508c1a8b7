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
        new CommandSpec("region-stats", "per node: shards and entities of one region", [], [Region],
            new CommandHandler(i => NodeRequest.Get("sharding/region-stats" + i.Query(("region", "type"))), RenderRegionStats)),
        new CommandSpec("shard-stats", "per shard: entities of one region", [], [Region],
            new CommandHandler(i => NodeRequest.Get("sharding/shard-stats" + i.Query(("region", "type"))), RenderShardStats)),
    ]);

    private static void RenderRegions(IAnsiConsole console, JsonElement answer) =>
        Show.Rows(console, Show.Property(answer, "regions"), ("Region", "type"), ("Shards", "shards"), ("Entities", "entities"));

    private static void RenderRegionStats(IAnsiConsole console, JsonElement answer)
    {
        Show.Line(console, "Region: " + Show.Text(Show.Property(answer, "type")));
        Show.Rows(console, Show.Property(answer, "nodes"), ("Node", "node"), ("Shards", "shards"), ("Entities", "entities"));
    }

    private static void RenderShardStats(IAnsiConsole console, JsonElement answer)
    {
        Show.Line(console, "Region: " + Show.Text(Show.Property(answer, "type")));
        Show.Rows(console, Show.Property(answer, "shards"), ("Node", "node"), ("Shard", "shard"), ("Entities", "entities"));
        Show.Line(console, Show.Invariant($"Total: {Show.Count(answer, "entities")} entities"));
    }
}
