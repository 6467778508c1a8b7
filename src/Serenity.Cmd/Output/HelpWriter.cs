using Serenity.Cmd.Catalog;
using Spectre.Console;

namespace Serenity.Cmd.Output;

/// <summary>Prints <c>pbm help</c>, <c>&lt;palette&gt; help</c> and a command's <c>--help</c>.</summary>
internal static class HelpWriter
{
    /// <summary>Prints help for everything, one palette, or one command.</summary>
    public static void Write(IAnsiConsole console, PaletteSpec? palette, CommandSpec? command)
    {
        if (palette is null)
        {
            Show.Line(console, "usage: pbm [host:port] <palette> <command> [arguments] [options]");
            Show.Line(console, "       pbm [host:port]            interactive prompt (history, Tab completes)");
            Show.Line(console, "       pbm help | pbm <palette> help | pbm <palette> <command> --help");
            Show.Line(console, "");
            Show.Line(console, $"host:port defaults to 127.0.0.1:9110; the admin token is read from SERENITY_ADMIN_TOKEN.");
            Show.Line(console, "Options of every command: --json (print the node's JSON), -h|--help.");
            Show.Line(console, "Exit codes: 0 ok, 1 command failed, 2 bad usage, 3 node unreachable.");
            Show.Line(console, "");
            Table(console, "Palette", CommandCatalog.Palettes.Select(p => (p.Name, p.Description + " (" + string.Join(", ", p.Commands.Select(c => c.Name)) + ")")));
            return;
        }
        if (command is null)
        {
            Show.Line(console, $"{palette.Name}: {palette.Description}");
            Table(console, "Command", palette.Commands.Select(c => (palette.Name + " " + c.Synopsis, c.Description)));
            return;
        }
        Show.Line(console, $"usage: pbm [host:port] {palette.Name} {command.Synopsis} [--json]");
        Show.Line(console, command.Description);
        var rows = command.Arguments.Select(a => ($"<{a.Name}>", a.Description))
            .Concat(command.Options.Concat(GlobalOptions.All).Select(o => (o.Usage, o.Description + (o.Choices is null ? "" : " (" + string.Join(", ", o.Choices) + ")"))));
        Table(console, "Argument/option", rows);
    }

    private static void Table(IAnsiConsole console, string first, IEnumerable<(string Name, string Description)> rows)
    {
        var table = new Table().Border(TableBorder.None).AddColumn(first).AddColumn("Description");
        table.Columns[0].PadRight(3);
        foreach (var (name, description) in rows) table.AddRow(new Text(name), new Text(description));
        console.Write(table);
    }
}
