using System.Globalization;

namespace Serenity.Backtest.Report;

/// <summary>Culture-independent, stable number and time formatting for every report file.</summary>
internal static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A decimal exactly as computed (invariant, no grouping).</summary>
    public static string Exact(decimal value) => value.ToString(Inv);

    /// <summary>Money for people: grouped thousands, two decimals.</summary>
    public static string Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", Inv);

    /// <summary>A price for people: up to four decimals, at least two.</summary>
    public static string Price(decimal value) => value.ToString("#,##0.00##", Inv);

    /// <summary>A share count.</summary>
    public static string Quantity(decimal value) => value.ToString("0.########", Inv);

    /// <summary>A statistic with six decimals (NaN and infinities spelled out).</summary>
    public static string Stat(double value) =>
        double.IsFinite(value) ? Math.Round(value, 6, MidpointRounding.AwayFromZero).ToString("0.######", Inv) : value.ToString(Inv);

    /// <summary>A fraction as a percentage with two decimals.</summary>
    public static string Percent(double fraction)
    {
        if (!double.IsFinite(fraction)) return "n/a";
        var percent = Math.Round(fraction * 100, 2, MidpointRounding.AwayFromZero);
        return (percent == 0 ? 0 : percent).ToString("0.00", Inv) + "%"; // never "-0.00%"
    }

    /// <summary>A chart coordinate with at most two decimals.</summary>
    public static string Coord(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", Inv);

    /// <summary>UTC time as ISO 8601 (<c>yyyy-MM-ddTHH:mm:ssZ</c>).</summary>
    public static string Time(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv);

    /// <summary>UTC time for people (<c>yyyy-MM-dd HH:mm</c>).</summary>
    public static string ShortTime(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", Inv);

    /// <summary>An integer.</summary>
    public static string Int(long value) => value.ToString(Inv);
}
