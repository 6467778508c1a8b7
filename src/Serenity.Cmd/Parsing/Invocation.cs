using System.Globalization;
using Serenity.Cmd.Catalog;

namespace Serenity.Cmd.Parsing;

/// <summary>A parsed command line that runs a command: where, which command, its arguments and options.</summary>
internal sealed record Invocation(Endpoint Endpoint, PaletteSpec Palette, CommandSpec Command, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Options, bool Json)
{
    /// <summary><c>palette command</c>.</summary>
    public string Name => Palette.Name + " " + Command.Name;

    /// <summary>The value of option <paramref name="name"/> (its long name without dashes), or null.</summary>
    public string? Option(string name) => Options.TryGetValue(name, out var v) ? v : null;

    /// <summary>The value of number option <paramref name="name"/>, or null.</summary>
    public int? Number(string name) => Option(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;

    /// <summary>Positional argument <paramref name="index"/>, URL-escaped.</summary>
    public string EscapedArgument(int index) => Uri.EscapeDataString(Arguments[index]);

    /// <summary><c>?a=1&amp;b=2</c> of the options that are set, with the given query names; empty when none is.</summary>
    public string Query(params (string Option, string Parameter)[] map)
    {
        var parts = map.Where(m => Option(m.Option) is not null).Select(m => m.Parameter + "=" + Uri.EscapeDataString(Option(m.Option)!)).ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>What a command line asks for.</summary>
internal abstract record ParseResult;

/// <summary>Run a command.</summary>
internal sealed record RunCommand(Invocation Invocation) : ParseResult;

/// <summary>Show help: everything, one palette, or one command.</summary>
internal sealed record ShowHelp(PaletteSpec? Palette, CommandSpec? Command) : ParseResult;

/// <summary>No command: start the interactive prompt against <paramref name="Endpoint"/>.</summary>
internal sealed record StartInteractive(Endpoint Endpoint) : ParseResult;

/// <summary>The command line is wrong: <paramref name="Message"/> says what was expected.</summary>
internal sealed record UsageError(string Message) : ParseResult;
