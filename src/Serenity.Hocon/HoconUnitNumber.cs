using System.Globalization;

namespace Serenity.Hocon;

/// <summary>Splits "1.5 s" style text into a decimal number and a unit.</summary>
internal static class HoconUnitNumber
{
    public static bool TrySplit(string text, out decimal number, out string unit)
    {
        number = 0;
        unit = string.Empty;
        var trimmed = text.Trim();
        var i = 0;
        if (i < trimmed.Length && trimmed[i] is '-' or '+')
        {
            i++;
        }

        var digitsStart = i;
        while (i < trimmed.Length && (char.IsAsciiDigit(trimmed[i]) || trimmed[i] == '.'))
        {
            i++;
        }

        if (i == digitsStart)
        {
            return false;
        }

        unit = trimmed[i..].Trim();
        return decimal.TryParse(trimmed.AsSpan(0, i), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }
}
