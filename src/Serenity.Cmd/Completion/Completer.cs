using Serenity.Cmd.Catalog;

namespace Serenity.Cmd.Completion;

/// <summary>
/// Tab completion at the interactive prompt: palettes (and help, exit) in the first word, the palette's commands in the
/// second, then the command's options not given yet, and an option's fixed values after it.
/// </summary>
internal static class Completer
{
    /// <summary>Words the prompt understands besides palettes.</summary>
    public static readonly IReadOnlyList<string> ShellWords = ["help", "exit", "quit"];

    /// <summary>The candidates for the word being typed at the end of <paramref name="line"/>, sorted.</summary>
    public static IReadOnlyList<string> Candidates(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = Tokenizer.Split(line).ToList();
        var partial = line.Length == 0 || char.IsWhiteSpace(line[^1]) ? "" : words[^1];
        if (partial.Length > 0) words.RemoveAt(words.Count - 1);
        return Options(words, partial).Where(c => c.StartsWith(partial, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Completes the end of <paramref name="line"/>: the single candidate (and a space), else the candidates' longest
    /// common prefix; <paramref name="candidates"/> are what is left to choose from.
    /// </summary>
    public static string Complete(string line, out IReadOnlyList<string> candidates)
    {
        candidates = Candidates(line);
        if (candidates.Count == 0) return line;
        var partialLength = line.Length == 0 || char.IsWhiteSpace(line[^1]) ? 0 : Tokenizer.Split(line)[^1].Length;
        var stem = line[..(line.Length - partialLength)];
        if (candidates.Count == 1) return stem + candidates[0] + " ";
        return stem + CommonPrefix(candidates);
    }

    private static IEnumerable<string> Options(List<string> words, string partial)
    {
        if (words.Count == 0) return CommandCatalog.Palettes.Select(p => p.Name).Concat(ShellWords);
        if (words[0] == "help") return words.Count == 1 ? CommandCatalog.Palettes.Select(p => p.Name) : [];
        if (CommandCatalog.Find(words[0]) is not { } palette) return [];
        if (words.Count == 1) return palette.Commands.Select(c => c.Name).Append("help");
        if (palette.Find(words[1]) is not { } command) return [];
        var all = command.Options.Concat(GlobalOptions.All).ToList();
        if (all.FirstOrDefault(o => o.Matches(words[^1]) && o.Kind != OptionKind.Flag) is { } pending)
        {
            return pending.Choices ?? [];
        }
        var given = words.Skip(2).ToHashSet(StringComparer.Ordinal);
        var unused = all.Where(o => !given.Any(o.Matches)).Select(o => o.Long);
        return partial.StartsWith('-') || command.Arguments.Count <= words.Count(w => !w.StartsWith('-')) - 2 ? unused : [];
    }

    private static string CommonPrefix(IReadOnlyList<string> words)
    {
        var prefix = words[0];
        foreach (var w in words.Skip(1))
        {
            var n = 0;
            while (n < prefix.Length && n < w.Length && prefix[n] == w[n]) n++;
            prefix = prefix[..n];
        }
        return prefix;
    }
}
