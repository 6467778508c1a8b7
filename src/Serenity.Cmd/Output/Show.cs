using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Serenity.Cmd.Output;

/// <summary>Renders parts of a node's JSON answer: aligned label/value lines, tables of rows, plain lines.</summary>
internal static class Show
{
    /// <summary>One aligned <c>label  value</c> line per field of <paramref name="element"/>.</summary>
    public static void Fields(IAnsiConsole console, JsonElement element, params (string Label, string Property)[] fields)
    {
        var table = new Table().Border(TableBorder.None).HideHeaders().AddColumn("field").AddColumn("value");
        table.Columns[0].PadRight(2);
        foreach (var (label, property) in fields)
        {
            table.AddRow(new Text(label + ":"), Cell(Property(element, property)));
        }
        console.Write(table);
    }

    /// <summary>A table with a column per <paramref name="columns"/> and a row per element of <paramref name="rows"/>.</summary>
    public static void Rows(IAnsiConsole console, JsonElement rows, params (string Header, string Property)[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var (header, _) in columns) table.AddColumn(new TableColumn(header));
        foreach (var row in rows.EnumerateArray())
        {
            table.AddRow(columns.Select(c => Cell(Property(row, c.Property))).ToArray());
        }
        console.Write(table);
    }

    /// <summary>One line of plain text (never read as markup).</summary>
    public static void Line(IAnsiConsole console, string text) => console.Write(new Text(text + Environment.NewLine));

    /// <summary>One line of markup (colours are dropped when the output is not a terminal).</summary>
    public static void Markup(IAnsiConsole console, string markup) => console.MarkupLine(markup);

    /// <summary>The property at <paramref name="path"/> (dots separate nesting), or an undefined element.</summary>
    public static JsonElement Property(JsonElement element, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element)) return default;
        }
        return element;
    }

    /// <summary>A JSON value as text: strings as they are, null as <c>-</c>, lists comma-separated.</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "-" : string.Join(", ", value.EnumerateArray().Select(Text)),
        JsonValueKind.Object => string.Join(", ", value.EnumerateObject().Select(p => p.Name + "=" + Text(p.Value))) is { Length: > 0 } s ? s : "-",
        _ => "-",
    };

    /// <summary>A count from the answer (0 when absent).</summary>
    public static long Count(JsonElement element, string path) => Property(element, path) is { ValueKind: JsonValueKind.Number } n ? n.GetInt64() : 0;

    /// <summary>Formats <paramref name="value"/> invariantly.</summary>
    public static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static IRenderable Cell(JsonElement value)
    {
        var text = Text(value);
        return text.ToLowerInvariant() switch
        {
            "up" or "open" or "simulating" or "streaming" or "replaying" => new Markup($"[green]{Spectre.Console.Markup.Escape(text)}[/]"),
            "down" or "failed" or "unreachable" or "removed" => new Markup($"[red]{Spectre.Console.Markup.Escape(text)}[/]"),
            "joining" or "leaving" or "exiting" => new Markup($"[yellow]{Spectre.Console.Markup.Escape(text)}[/]"),
            _ => new Text(text),
        };
    }
}
