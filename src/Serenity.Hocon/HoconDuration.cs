namespace Serenity.Hocon;

/// <summary>Duration syntax from the HOCON specification: a number and a unit; a bare number is milliseconds.</summary>
internal static class HoconDuration
{
    private const decimal TicksPerMicrosecond = 10m;

    private static readonly Dictionary<string, decimal> TicksPerUnit = Build();

    /// <summary>Parses e.g. "500ms", "1.5 s", "2 minutes", "infinite".</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        if (string.Equals(text.Trim(), "infinite", StringComparison.Ordinal))
        {
            value = Timeout.InfiniteTimeSpan;
            return true;
        }

        if (!HoconUnitNumber.TrySplit(text, out var number, out var unit) || !TicksPerUnit.TryGetValue(unit, out var factor))
        {
            return false;
        }

        try
        {
            var ticks = decimal.Round(number * factor, MidpointRounding.AwayFromZero);
            if (ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks)
            {
                return false;
            }

            value = TimeSpan.FromTicks((long)ticks);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static Dictionary<string, decimal> Build()
    {
        var table = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal ticks, params string[] names)
        {
            foreach (var name in names)
            {
                table[name] = ticks;
            }
        }

        Add(TicksPerMicrosecond / 1000m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(TicksPerMicrosecond, "us", "\u00b5s", "\u03bcs", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, string.Empty, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return table;
    }
}
