using System.Text;

namespace Serenity.Cmd.Completion;

/// <summary>Splits a prompt line into words: whitespace separates, double quotes keep spaces inside one word.</summary>
internal static class Tokenizer
{
    /// <summary>The words of <paramref name="line"/>.</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any) words.Add(current.ToString());
                current.Clear();
                any = false;
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }
        if (any) words.Add(current.ToString());
        return words;
    }
}
