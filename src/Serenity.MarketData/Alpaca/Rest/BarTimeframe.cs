using System.Globalization;

namespace Serenity.MarketData.Alpaca.Rest;

/// <summary>The unit of a <see cref="BarTimeframe"/>.</summary>
public enum TimeframeUnit
{
    /// <summary>Minutes (1..59).</summary>
    Minute,

    /// <summary>Hours (1..23).</summary>
    Hour,

    /// <summary>One day.</summary>
    Day,

    /// <summary>One week.</summary>
    Week,

    /// <summary>Months (1, 2, 3, 4, 6 or 12).</summary>
    Month,
}

/// <summary>A bar length as the REST API names it: <c>5Min</c>, <c>1Hour</c>, <c>1Day</c>, <c>1Week</c>, <c>3Month</c>.</summary>
public readonly record struct BarTimeframe
{
    /// <summary>One minute.</summary>
    public static readonly BarTimeframe OneMinute = new(1, TimeframeUnit.Minute);

    /// <summary>One day.</summary>
    public static readonly BarTimeframe OneDay = new(1, TimeframeUnit.Day);

    /// <summary>A timeframe; throws when the API does not offer it.</summary>
    public BarTimeframe(int amount, TimeframeUnit unit)
    {
        var max = unit switch
        {
            TimeframeUnit.Minute => 59,
            TimeframeUnit.Hour => 23,
            TimeframeUnit.Month => 12,
            _ => 1,
        };
        if (amount < 1 || amount > max) throw new ArgumentOutOfRangeException(nameof(amount), amount, $"{unit} bars go from 1 to {max}");
        Amount = amount;
        Unit = unit;
    }

    /// <summary>How many units.</summary>
    public int Amount { get; }

    /// <summary>The unit.</summary>
    public TimeframeUnit Unit { get; }

    /// <summary>The query value, e.g. <c>15Min</c>.</summary>
    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        TimeframeUnit.Minute => "Min",
        TimeframeUnit.Hour => "Hour",
        TimeframeUnit.Day => "Day",
        TimeframeUnit.Week => "Week",
        _ => "Month",
    };
}
