using System.Globalization;
using Serenity.Cmd.Catalog;

namespace Serenity.Cmd.Parsing;

/// <summary>
/// Parses <c>pbm [host:port] &lt;palette&gt; &lt;command&gt; [arguments] [options]</c> against the
/// <see cref="CommandCatalog"/>; every mistake becomes a <see cref="UsageError"/> that says what was expected.
/// </summary>
internal static class CommandLineParser
{
    /// <summary>Parses a whole command line (the process arguments).</summary>
    public static ParseResult Parse(IReadOnlyList<string> args, Endpoint? defaultEndpoint = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var endpoint = defaultEndpoint ?? Endpoint.Default;
        var i = 0;
        if (args.Count > 0 && CommandCatalog.Find(args[0]) is null && Endpoint.LooksLikeEndpoint(args[0]))
        {
            if (Endpoint.Parse(args[0], out var problem) is not { } parsed) return new UsageError(problem!);
            endpoint = parsed;
            i = 1;
        }
        return ParseCommand(args.Skip(i).ToList(), endpoint, allowInteractive: true);
    }

    /// <summary>Parses one command (no address) against <paramref name="endpoint"/>: what the interactive prompt reads.</summary>
    public static ParseResult ParseCommand(IReadOnlyList<string> tokens, Endpoint endpoint, bool allowInteractive = false)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            return allowInteractive ? new StartInteractive(endpoint) : new UsageError($"expected a palette: {CommandCatalog.PaletteList}");
        }
        if (tokens[0] is "help" or "--help" or "-h")
        {
            if (tokens.Count == 1) return new ShowHelp(null, null);
            return CommandCatalog.Find(tokens[1]) is { } p ? new ShowHelp(p, null) : UnknownPalette(tokens[1]);
        }
        if (tokens[0].StartsWith('-')) return new UsageError($"unexpected option '{tokens[0]}' before the palette; expected: pbm [host:port] <palette> <command> [options]");
        if (CommandCatalog.Find(tokens[0]) is not { } palette) return UnknownPalette(tokens[0]);
        if (tokens.Count == 1) return new UsageError($"'{palette.Name}' needs a command: {Commands(palette)}");
        if (tokens[1] is "help" or "--help" or "-h") return new ShowHelp(palette, null);
        if (palette.Find(tokens[1]) is not { } command)
        {
            return new UsageError($"'{tokens[1]}' is not a command of '{palette.Name}'; expected one of: {Commands(palette)}");
        }
        return ParseRest(endpoint, palette, command, tokens.Skip(2).ToList());
    }

    private static ParseResult ParseRest(Endpoint endpoint, PaletteSpec palette, CommandSpec command, List<string> tokens)
    {
        var name = palette.Name + " " + command.Name;
        var arguments = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var json = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith('-') || token == "-")
            {
                if (arguments.Count >= command.Arguments.Count) return new UsageError($"unexpected argument '{token}' for '{name}'; expected: {name} {Rest(command)}");
                arguments.Add(token);
                continue;
            }
            var (key, inline) = token.StartsWith("--", StringComparison.Ordinal) && token.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                ? (token[..eq], token[(eq + 1)..])
                : (token, (string?)null);
            if (GlobalOptions.Help.Matches(key)) return new ShowHelp(palette, command);
            if (GlobalOptions.Json.Matches(key))
            {
                json = true;
                continue;
            }
            if (command.Options.FirstOrDefault(o => o.Matches(key)) is not { } option)
            {
                return new UsageError($"unknown option '{key}' for '{name}'; expected: {OptionList(command)}");
            }
            if (option.Kind == OptionKind.Flag)
            {
                options[option.Name] = "true";
                continue;
            }
            var value = inline ?? (i + 1 < tokens.Count ? tokens[++i] : null);
            if (value is null) return new UsageError($"option '{key}' of '{name}' needs a value: {option.Usage}");
            if (Check(option, value) is { } problem) return new UsageError($"option '{key}' of '{name}': {problem}");
            options[option.Name] = option.Choices is null ? value : value.ToLowerInvariant();
        }
        if (arguments.Count < command.Arguments.Count)
        {
            var missing = command.Arguments[arguments.Count];
            return new UsageError($"'{name}' needs <{missing.Name}> ({missing.Description}); expected: {name} {Rest(command)}");
        }
        if (command.Options.FirstOrDefault(o => o.Required && !options.ContainsKey(o.Name)) is { } required)
        {
            return new UsageError($"'{name}' needs {required.Usage} ({required.Description})");
        }
        return new RunCommand(new Invocation(endpoint, palette, command, arguments, options, json));
    }

    private static string? Check(OptionSpec option, string value)
    {
        if (option.Kind == OptionKind.Number)
        {
            var ok = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= option.Min && n <= option.Max;
            return ok ? null : $"expected a whole number from {option.Min} to {(option.Max == int.MaxValue ? "any" : option.Max.ToString(CultureInfo.InvariantCulture))}, not '{value}'";
        }
        if (option.Choices is { } choices && !choices.Contains(value.ToLowerInvariant()))
        {
            return $"expected one of {string.Join(", ", choices)}, not '{value}'";
        }
        return value.Length == 0 ? "expected a value, not an empty string" : null;
    }

    private static UsageError UnknownPalette(string name) => new($"'{name}' is not a palette; expected one of: {CommandCatalog.PaletteList} (or help)");

    private static string Commands(PaletteSpec palette) => string.Join(", ", palette.Commands.Select(c => c.Name));

    private static string Rest(CommandSpec command) => string.Join(' ', command.Synopsis.Split(' ').Skip(1).Append("[--json]"));

    private static string OptionList(CommandSpec command) => string.Join(", ", command.Options.Concat(GlobalOptions.All).Select(o => o.Usage));
}
