using System.Text;

namespace Serenity.Hocon;

/// <summary>Writes a resolved tree as HOCON text (strings always quoted, so the output parses back).</summary>
internal static class HoconRenderer
{
    private const string Indent = "  ";

    public static string Render(HoconObject root)
    {
        if (root.Count == 0)
        {
            return "{}";
        }

        var builder = new StringBuilder();
        WriteFields(builder, root, 0);
        return builder.ToString();
    }

    private static void WriteFields(StringBuilder builder, HoconObject obj, int depth)
    {
        foreach (var (key, value) in obj.Fields)
        {
            builder.Append(' ', depth * Indent.Length);
            HoconPath.AppendKey(builder, key);
            builder.Append(value is HoconObject ? " " : " = ");
            WriteValue(builder, value, depth);
            builder.Append('\n');
        }
    }

    private static void WriteValue(StringBuilder builder, HoconValue value, int depth)
    {
        switch (value)
        {
            case HoconObject { Count: 0 }:
                builder.Append("{}");
                break;
            case HoconObject obj:
                builder.Append("{\n");
                WriteFields(builder, obj, depth + 1);
                builder.Append(' ', depth * Indent.Length).Append('}');
                break;
            case HoconArray array:
                builder.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    WriteValue(builder, array.Items[i], depth);
                }

                builder.Append(']');
                break;
            case HoconScalar { Kind: HoconScalarKind.String } scalar:
                HoconEscapes.AppendQuoted(builder, scalar.Text);
                break;
            case HoconScalar scalar:
                builder.Append(scalar.Text);
                break;
            default:
                builder.Append("null");
                break;
        }
    }
}
