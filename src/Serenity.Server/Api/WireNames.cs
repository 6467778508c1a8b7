using System.Text.Json;

namespace Serenity.Server.Api;

/// <summary>
/// The API's spelling of each value of <typeparamref name="T"/> (lower snake_case), worked out once per type. Every order's
/// answer names five values; looking them up as <see cref="Enum"/> boxed each one.
/// </summary>
internal static class WireNames<T>
    where T : struct, Enum
{
    private static readonly T[] s_values = Enum.GetValues<T>();
    private static readonly string[] s_names = [.. s_values.Select(v => Spell(v))];

    public static string Of(T value)
    {
        var i = IndexOf(value);
        return i >= 0 ? s_names[i] : Spell(value); // a value the enum does not declare
    }

    /// <summary>The value spelled <paramref name="text"/> (any case).</summary>
    public static bool TryParse(string text, out T value)
    {
        for (var i = 0; i < s_names.Length; i++)
        {
            if (!string.Equals(s_names[i], text, StringComparison.OrdinalIgnoreCase)) continue;
            value = s_values[i];
            return true;
        }
        value = default;
        return false;
    }

    private static int IndexOf(T value)
    {
        for (var i = 0; i < s_values.Length; i++)
        {
            if (EqualityComparer<T>.Default.Equals(s_values[i], value)) return i;
        }
        return -1;
    }

    private static string Spell(T value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
