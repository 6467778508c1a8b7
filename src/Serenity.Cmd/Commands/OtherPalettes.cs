using System.Text.Json;
using Serenity.Cmd.Catalog;
using Serenity.Cmd.Output;
using Spectre.Console;

namespace Serenity.Cmd.Commands;

/// <summary>The <c>journal</c> and <c>log</c> palettes.</summary>
internal static class OtherPalettes
{
    private static readonly IReadOnlyList<string> Levels = ["debug", "info", "warning", "error"];

    private static readonly OptionSpec Level = new("level", "l", OptionKind.Text, "only lines at this level or more severe") { ValueName = "level", Choices = Levels };

    public static PaletteSpec Journal { get; } = new("journal", "the event journal",
    [
        new CommandSpec("stats", "plugin, state, file sizes, persistent entities per type", new CommandHandler(_ => NodeRequest.Get("journal/stats"), RenderJournal)),
    ]);

    public static PaletteSpec Log { get; } = new("log", "the node's recent log",
    [
        new CommandSpec("peek", "the most recent log lines", [],
        [
            Level,
            new OptionSpec("count", "n", OptionKind.Number, "how many lines (default 20)") { ValueName = "n" },
        ], new CommandHandler(i => NodeRequest.Get("log/peek" + i.Query(("level", "level"), ("count", "n"))), RenderPeek)),
        new CommandSpec("tail", "the last lines, then new ones as they are logged, until Ctrl-C", [],
        [
            Level,
            new OptionSpec("count", "n", OptionKind.Number, "how many recent lines to start with (default 10)") { ValueName = "n", Min = 0 },
        ], new CommandHandler(i => NodeRequest.Get("log/tail" + i.Query(("level", "level"), ("count", "n"))), RenderLine, Streams: true)),
    ]);

    private static void RenderJournal(IAnsiConsole console, JsonElement answer) => Show.Fields(console, answer,
        ("Plugin", "plugin"), ("Store", "store"), ("State", "state"), ("Snapshot plugin", "snapshot_plugin"), ("Max batch size", "max_batch_size"),
        ("SQLite file", "sqlite_path"), ("File bytes", "sqlite_file_bytes"), ("WAL bytes", "sqlite_wal_bytes"), ("Entities", "entities"));

    private static void RenderPeek(IAnsiConsole console, JsonElement answer)
    {
        foreach (var line in Show.Property(answer, "lines").EnumerateArray()) RenderLine(console, line);
    }

    private static void RenderLine(IAnsiConsole console, JsonElement line)
    {
        var level = Show.Text(Show.Property(line, "level"));
        var colour = level switch { "error" => "red", "warning" => "yellow", "debug" => "grey", _ => "default" };
        var text = $"{Show.Text(Show.Property(line, "time"))} [{level.ToUpperInvariant()}] {Show.Text(Show.Property(line, "source"))}: {Show.Text(Show.Property(line, "message"))}";
        Show.Markup(console, $"[{colour}]{Markup.Escape(text)}[/]");
    }
}
