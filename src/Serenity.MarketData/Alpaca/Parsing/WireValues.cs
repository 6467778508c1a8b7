using System.Buffers.Text;

namespace Serenity.MarketData.Alpaca.Parsing;

/// <summary>Allocation-free readers of the wire's number and timestamp texts.</summary>
internal static class WireValues
{
    private static readonly long[] s_fractionTicks = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];
    private static readonly int[] s_daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
    private static readonly int[] s_daysBeforeMonthLeap = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366];

    /// <summary>
    /// A decimal from plain JSON number text (<c>-123.45</c>); falls back to the general parser for
    /// exponents and more than 18 digits.
    /// </summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out decimal value)
    {
        ulong mantissa = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }
        var digits = 0;
        var scale = -1;
        for (; i < text.Length; i++)
        {
            var b = text[i];
            if (b - (uint)'0' <= 9)
            {
                if (++digits > 18) return Fallback(text, out value);
                mantissa = (mantissa * 10) + (uint)(b - '0');
                if (scale >= 0) scale++;
            }
            else if (b == (byte)'.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return Fallback(text, out value);
            }
        }
        if (digits == 0 || scale == 0)
        {
            value = default;
            return false;
        }
        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    private static bool Fallback(ReadOnlySpan<byte> text, out decimal value) =>
        (Utf8Parser.TryParse(text, out value, out var used, 'E') && used == text.Length)
        || (Utf8Parser.TryParse(text, out value, out used) && used == text.Length);

    /// <summary>
    /// An RFC-3339 timestamp (<c>2024-02-22T15:51:45.335689322Z</c> or with a <c>+hh:mm</c> offset) as UTC;
    /// digits past the seventh of the fraction are truncated.
    /// </summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> s, out DateTime value)
    {
        value = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || (s[10] | 0x20) != 't' || s[13] != ':' || s[16] != ':') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
        var leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        var daysBefore = leap ? s_daysBeforeMonthLeap : s_daysBeforeMonth;
        if (day > daysBefore[month] - daysBefore[month - 1]) return false;
        var i = 19;
        long fraction = 0;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && s[i] - (uint)'0' <= 9)
            {
                if (i - start < 7) fraction = (fraction * 10) + (s[i] - '0');
                i++;
            }
            var count = i - start;
            if (count == 0) return false;
            if (count < 7) fraction *= s_fractionTicks[count];
        }
        if (i >= s.Length) return false;
        long offsetTicks = 0;
        if ((s[i] | 0x20) == 'z')
        {
            i++;
        }
        else if (s[i] is (byte)'+' or (byte)'-')
        {
            if (s.Length - i != 6 || s[i + 3] != ':' || !Digits(s, i + 1, 2, out var oh) || !Digits(s, i + 4, 2, out var om) || oh > 23 || om > 59) return false;
            offsetTicks = ((oh * 60L) + om) * TimeSpan.TicksPerMinute * (s[i] == '-' ? -1 : 1);
            i += 6;
        }
        if (i != s.Length) return false;
        // Days since 0001-01-01 computed directly: DateTime's own constructor validates everything again.
        var y = year - 1;
        long days = (y * 365) + (y / 4) - (y / 100) + (y / 400) + daysBefore[month - 1] + day - 1;
        var ticks = (days * TimeSpan.TicksPerDay) + (((hour * 3600L) + (minute * 60) + second) * TimeSpan.TicksPerSecond) + fraction - offsetTicks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
        value = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - (uint)'0';
            if (d > 9) return false;
            value = (value * 10) + (int)d;
        }
        return true;
    }
}
