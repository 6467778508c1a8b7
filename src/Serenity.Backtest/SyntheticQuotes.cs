using Serenity.MarketData;

namespace Serenity.Backtest;

/// <summary>The quote a backtest publishes for a bar: bid and ask around the close, half the spread each side, at the bar's end.</summary>
public static class SyntheticQuotes
{
    /// <summary>Displayed size on each side (market orders fill whole whatever the size).</summary>
    public const decimal Size = 100m;

    /// <summary>The quote for <paramref name="bar"/>: close -/+ close x bps / 20000, rounded to 4 decimals, stamped <paramref name="at"/>.</summary>
    public static Quote For(Bar bar, decimal spreadBasisPoints, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(bar);
        var half = bar.Close * spreadBasisPoints / 20_000m;
        var bid = Math.Round(bar.Close - half, 4, MidpointRounding.ToEven);
        var ask = Math.Round(bar.Close + half, 4, MidpointRounding.ToEven);
        if (bid <= 0m) bid = bar.Close;
        return new Quote(bar.Symbol, at, bid, Size, ask, Size);
    }
}
