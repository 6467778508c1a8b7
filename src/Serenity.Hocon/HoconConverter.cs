using System.Globalization;

namespace Serenity.Hocon;

/// <summary>Conversions from resolved values to .NET types; each returns false when the value does not fit.</summary>
internal static class HoconConverter
{
    /// <summary>Text of a non-null scalar.</summary>
    public static bool TryText(HoconValue value, out string text)
    {
        if (value is HoconScalar { Kind: not HoconScalarKind.Null } scalar)
        {
            text = scalar.Text;
            return true;
        }

        text = string.Empty;
        return false;
    }

    public static bool TryInt(HoconValue value, out int result)
    {
        result = 0;
        if (!TryLong(value, out var wide) || wide is > int.MaxValue or < int.MinValue)
        {
            return false;
        }

        result = (int)wide;
        return true;
    }

    public static bool TryLong(HoconValue value, out long result)
    {
        result = 0;
        if (!TryText(value, out var text))
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result))
        {
            return true;
        }

        // Whole numbers written as 1.0 or 1e3 are accepted.
        if (TryDecimal(value, out var exact) && exact == decimal.Truncate(exact) && exact is >= long.MinValue and <= long.MaxValue)
        {
            result = (long)exact;
            return true;
        }

        return false;
    }

    public static bool TryDouble(HoconValue value, out double result)
    {
        result = 0;
        return TryText(value, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    public static bool TryDecimal(HoconValue value, out decimal result)
    {
        result = 0;
        return TryText(value, out var text)
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    public static bool TryBoolean(HoconValue value, out bool result)
    {
        result = false;
        if (!TryText(value, out var text))
        {
            return false;
        }

        switch (text.ToUpperInvariant())
        {
            case "TRUE" or "YES" or "ON":
                result = true;
                return true;
            case "FALSE" or "NO" or "OFF":
                return true;
            default:
                return false;
        }
    }

    public static bool TryTimeSpan(HoconValue value, out TimeSpan result)
    {
        result = default;
        return TryText(value, out var text) && HoconDuration.TryParse(text, out result);
    }

    public static bool TryByteSize(HoconValue value, out long result)
    {
        result = 0;
        return TryText(value, out var text) && HoconByteSize.TryParse(text, out result);
    }
}
