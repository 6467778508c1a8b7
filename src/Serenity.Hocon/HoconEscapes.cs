using System.Globalization;
using System.Text;

namespace Serenity.Hocon;

/// <summary>JSON string escapes, shared by the tokenizer, path parser and renderer.</summary>
internal static class HoconEscapes
{
    /// <summary>
    /// Decodes the escape whose backslash is at <paramref name="index"/>. Returns the number of characters
    /// consumed (including the backslash), or 0 when the escape is invalid.
    /// </summary>
    public static int TryDecode(string text, int index, out char value)
    {
        value = '\0';
        if (index + 1 >= text.Length)
        {
            return 0;
        }

        switch (text[index + 1])
        {
            case '"': value = '"'; return 2;
            case '\\': value = '\\'; return 2;
            case '/': value = '/'; return 2;
            case 'b': value = '\b'; return 2;
            case 'f': value = '\f'; return 2;
            case 'n': value = '\n'; return 2;
            case 'r': value = '\r'; return 2;
            case 't': value = '\t'; return 2;
            case 'u':
                if (index + 6 <= text.Length
                    && ushort.TryParse(text.AsSpan(index + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    value = (char)code;
                    return 6;
                }

                return 0;
            default:
                return 0;
        }
    }

    /// <summary>Writes <paramref name="text"/> as a double-quoted JSON string.</summary>
    public static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
