using System.Text.Json;
using Serenity.Cmd.Catalog;
using Serenity.Cmd.Output;
using Spectre.Console;

namespace Serenity.Cmd.Commands;

/// <summary>The <c>actor</c> palette: <c>system</c>, <c>hierarchy</c>.</summary>
internal static class ActorPalette
{
    public static PaletteSpec Palette { get; } = new("actor", "the actor system and its actors",
    [
        new CommandSpec("system", "the actor system: name, provider, uptime, dead letters",
            new CommandHandler(_ => NodeRequest.Get("system"), RenderSystem)),
        new CommandSpec("hierarchy", "the actor tree (paths under /user and /system)", [],
        [
            new OptionSpec("depth", "d", OptionKind.Number, "levels below the path to show (1-8, default 3)") { ValueName = "n", Max = 8 },
            new OptionSpec("path", "s", OptionKind.Text, "show only the subtree under this actor path, like /user") { ValueName = "path" },
        ], new CommandHandler(i => NodeRequest.Get("actors" + i.Query(("depth", "depth"), ("path", "path"))), RenderHierarchy)),
    ]);

    private static int Levels(string path) => path.Count(c => c == '/');

    private static void RenderSystem(IAnsiConsole console, JsonElement answer) => Show.Fields(console, answer,
        ("Actor system", "name"), ("Address", "address"), ("Provider", "provider"), ("Started", "started"), ("Uptime (s)", "uptime_seconds"),
        ("Dead letters", "dead_letters"), ("Log level", "log_level"), (".NET", "dotnet"), ("Process id", "process_id"));

    private static void RenderHierarchy(IAnsiConsole console, JsonElement answer)
    {
        var paths = Show.Property(answer, "actors").EnumerateArray().Select(a => a.GetString() ?? "").ToList();
        var top = paths.Count == 0 ? 0 : paths.Min(Levels);
        foreach (var path in paths) Show.Line(console, new string(' ', (Levels(path) - top) * 2) + path);
        var truncated = Show.Property(answer, "truncated").ValueKind == JsonValueKind.True ? " (truncated)" : "";
        Show.Line(console, Show.Invariant($"Count: {Show.Count(answer, "count")} actors{truncated}"));
    }
}
