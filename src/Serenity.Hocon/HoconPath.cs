using System.Text;

namespace Serenity.Hocon;

/// <summary>Path expressions (<c>a.b."c.d"</c>): parsing, rendering and comparison.</summary>
internal static class HoconPath
{
    /// <summary>Splits a path expression into keys. Dots inside quotes belong to the key.</summary>
    public static bool TryParse(string text, out IReadOnlyList<string> segments, out string error)
    {
        segments = [];
        error = string.Empty;
        var result = new List<string>();
        var current = new StringBuilder();
        var started = false;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "the path is empty";
            return false;
        }

        var i = 0;
        while (i < trimmed.Length)
        {
            var c = trimmed[i];
            if (c == '"')
            {
                i++;
                while (true)
                {
                    if (i >= trimmed.Length)
                    {
                        error = "a quoted key is not closed";
                        return false;
                    }

                    if (trimmed[i] == '"')
                    {
                        i++;
                        break;
                    }

                    if (trimmed[i] == '\\')
                    {
                        var used = HoconEscapes.TryDecode(trimmed, i, out var decoded);
                        if (used == 0)
                        {
                            error = "a quoted key has an invalid escape";
                            return false;
                        }

                        current.Append(decoded);
                        i += used;
                        continue;
                    }

                    current.Append(trimmed[i]);
                    i++;
                }

                started = true;
            }
            else if (c == '.')
            {
                if (!started)
                {
                    error = "the path has an empty key";
                    return false;
                }

                result.Add(current.ToString());
                current.Clear();
                started = false;
                i++;
            }
            else
            {
                current.Append(c);
                started = true;
                i++;
            }
        }

        if (!started)
        {
            error = "the path ends with '.'";
            return false;
        }

        result.Add(current.ToString());
        segments = result;
        return true;
    }

    /// <summary>Joins keys with '.', quoting keys that are empty or hold characters other than letters, digits, '-' and '_'.</summary>
    public static string Render(IEnumerable<string> segments)
    {
        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            AppendKey(builder, segment);
        }

        return builder.ToString();
    }

    /// <summary>Writes one key, quoted when needed.</summary>
    public static void AppendKey(StringBuilder builder, string key)
    {
        if (key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            builder.Append(key);
        }
        else
        {
            HoconEscapes.AppendQuoted(builder, key);
        }
    }

    /// <summary>True when <paramref name="path"/> equals or extends <paramref name="prefix"/>.</summary>
    public static bool StartsWith(IReadOnlyList<string> path, IReadOnlyList<string> prefix)
    {
        if (path.Count < prefix.Count)
        {
            return false;
        }

        for (var i = 0; i < prefix.Count; i++)
        {
            if (!string.Equals(path[i], prefix[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A new path with <paramref name="key"/> appended.</summary>
    public static IReadOnlyList<string> Append(IReadOnlyList<string> path, string key) => [.. path, key];

    /// <summary>A new path with <paramref name="keys"/> appended.</summary>
    public static IReadOnlyList<string> Append(IReadOnlyList<string> path, IEnumerable<string> keys) => [.. path, .. keys];
}
