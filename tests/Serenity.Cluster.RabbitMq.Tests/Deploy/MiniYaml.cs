namespace Serenity.Cluster.RabbitMq.Tests.Deploy;

/// <summary>
/// A strict reader for the YAML subset the deploy files use: block mappings and sequences (indented
/// by spaces), scalars (plain, quoted, flow lists kept as text), <c>|</c> block scalars, comments and
/// <c>---</c> between documents. Mappings become dictionaries, sequences lists, scalars strings.
/// Anything else (tabs, bad indentation, a duplicate key) throws with the line number.
/// </summary>
internal static class MiniYaml
{
    public static IReadOnlyList<object> ParseDocuments(string text)
    {
        var docs = new List<object>();
        var current = new List<(int Number, string Text)>();
        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            number++;
            if (raw.Contains('\t', StringComparison.Ordinal)) throw new FormatException($"line {number}: tab character");
            if (raw.TrimEnd() == "---")
            {
                if (current.Count > 0) docs.Add(Parse(current));
                current = [];
                continue;
            }
            current.Add((number, raw));
        }
        if (current.Any(l => !IsBlank(l.Text))) docs.Add(Parse(current));
        return docs;
    }

    private static object Parse(List<(int Number, string Text)> lines)
    {
        var meaningful = lines.Where(l => !IsBlank(l.Text) || false).ToList();
        var i = 0;
        var result = ParseBlock(lines, ref i, Indent(meaningful[0].Text));
        if (i < lines.Count && lines.Skip(i).Any(l => !IsBlank(l.Text))) throw new FormatException($"line {lines[i].Number}: unexpected indentation");
        return result;
    }

    private static object ParseBlock(List<(int Number, string Text)> lines, ref int i, int indent)
    {
        SkipBlank(lines, ref i);
        var first = lines[i].Text.TrimStart();
        return first.StartsWith("- ", StringComparison.Ordinal) || first == "-" ? ParseSequence(lines, ref i, indent) : ParseMapping(lines, ref i, indent);
    }

    private static Dictionary<string, object> ParseMapping(List<(int Number, string Text)> lines, ref int i, int indent)
    {
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        while (SkipBlank(lines, ref i) && Indent(lines[i].Text) == indent && !lines[i].Text.TrimStart().StartsWith('-'))
        {
            var (number, text) = lines[i];
            var content = StripComment(text.Trim());
            var colon = KeyColon(content) ?? throw new FormatException($"line {number}: expected 'key: value', found '{content}'");
            var key = Unquote(content[..colon].Trim());
            var rest = content[(colon + 1)..].Trim();
            i++;
            object value;
            if (rest == "|" || rest == "|-") value = BlockScalar(lines, ref i, indent);
            else if (rest.Length > 0) value = Scalar(rest, number);
            else if (SkipBlank(lines, ref i) && (Indent(lines[i].Text) > indent || (Indent(lines[i].Text) == indent && lines[i].Text.TrimStart().StartsWith("- ", StringComparison.Ordinal))))
                value = ParseBlock(lines, ref i, Indent(lines[i].Text));
            else value = "";
            if (!map.TryAdd(key, value)) throw new FormatException($"line {number}: duplicate key '{key}'");
        }
        if (i < lines.Count && Indent(lines[i].Text) > indent && !IsBlank(lines[i].Text)) throw new FormatException($"line {lines[i].Number}: unexpected indentation");
        return map;
    }

    private static List<object> ParseSequence(List<(int Number, string Text)> lines, ref int i, int indent)
    {
        var list = new List<object>();
        while (SkipBlank(lines, ref i) && Indent(lines[i].Text) == indent && lines[i].Text.TrimStart().StartsWith('-'))
        {
            var (number, text) = lines[i];
            var item = StripComment(text.Trim()[1..].Trim());
            if (item.Length == 0)
            {
                i++;
                list.Add(ParseBlock(lines, ref i, Indent(lines[i].Text)));
            }
            else if (KeyColon(item) is not null && !item.StartsWith('[') && !item.StartsWith('"'))
            {
                // "- key: value" starts a mapping whose keys line up with "key".
                var inner = indent + (text.Length - text.TrimStart().Length - indent) + 2;
                lines[i] = (number, new string(' ', inner) + item);
                list.Add(ParseMapping(lines, ref i, inner));
            }
            else
            {
                list.Add(Scalar(item, number));
                i++;
            }
        }
        return list;
    }

    private static string BlockScalar(List<(int Number, string Text)> lines, ref int i, int indent)
    {
        var body = new List<string>();
        var blockIndent = -1;
        while (i < lines.Count && (IsBlank(lines[i].Text) || Indent(lines[i].Text) > indent))
        {
            if (blockIndent < 0 && !IsBlank(lines[i].Text)) blockIndent = Indent(lines[i].Text);
            body.Add(IsBlank(lines[i].Text) ? "" : lines[i].Text[Math.Min(blockIndent, lines[i].Text.Length)..]);
            i++;
        }
        return string.Join('\n', body).TrimEnd() + "\n";
    }

    private static string Scalar(string text, int number)
    {
        if (text.StartsWith('"') || text.StartsWith('\''))
        {
            if (text.Length < 2 || text[^1] != text[0]) throw new FormatException($"line {number}: unterminated quoted string");
            return text[1..^1];
        }
        if (text.StartsWith('[') && !text.EndsWith(']')) throw new FormatException($"line {number}: unterminated flow sequence");
        if (text.StartsWith('{') && !text.EndsWith('}')) throw new FormatException($"line {number}: unterminated flow mapping");
        return text;
    }

    /// <summary>The colon that ends a key (outside quotes and brackets, followed by a space or the end).</summary>
    private static int? KeyColon(string content)
    {
        char? quote = null;
        var depth = 0;
        for (var k = 0; k < content.Length; k++)
        {
            var c = content[k];
            if (quote is { } q)
            {
                if (c == q) quote = null;
                continue;
            }
            if (c is '"' or '\'') quote = c;
            else if (c is '[' or '{') depth++;
            else if (c is ']' or '}') depth--;
            else if (c == ':' && depth == 0 && (k + 1 == content.Length || content[k + 1] == ' ')) return k;
        }
        return null;
    }

    private static string StripComment(string content)
    {
        char? quote = null;
        for (var k = 0; k < content.Length; k++)
        {
            var c = content[k];
            if (quote is { } q)
            {
                if (c == q) quote = null;
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '#' && (k == 0 || content[k - 1] == ' ')) return content[..k].TrimEnd();
        }
        return content;
    }

    private static string Unquote(string key) => key.Length >= 2 && (key[0] is '"' or '\'') && key[^1] == key[0] ? key[1..^1] : key;

    private static bool SkipBlank(List<(int Number, string Text)> lines, ref int i)
    {
        while (i < lines.Count && IsBlank(lines[i].Text)) i++;
        return i < lines.Count;
    }

    private static bool IsBlank(string line) => line.Trim().Length == 0 || line.TrimStart().StartsWith('#');

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
