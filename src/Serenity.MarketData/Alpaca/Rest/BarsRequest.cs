using System.Globalization;
using System.Text;

namespace Serenity.MarketData.Alpaca.Rest;

/// <summary>Price adjustment of historical bars.</summary>
public enum BarAdjustment
{
    /// <summary>As traded.</summary>
    Raw,

    /// <summary>Split-adjusted.</summary>
    Split,

    /// <summary>Dividend-adjusted.</summary>
    Dividend,

    /// <summary>Both.</summary>
    All,
}

/// <summary>Which consolidated feed: IEX (free), SIP (paid), OTC.</summary>
public enum DataFeed
{
    /// <summary>IEX only (free plan).</summary>
    Iex,

    /// <summary>All US exchanges (paid plan).</summary>
    Sip,

    /// <summary>Over the counter.</summary>
    Otc,
}

/// <summary>
/// Historical bars of one symbol (<c>/v2/stocks/{symbol}/bars</c>) or several (<c>/v2/stocks/bars?symbols=</c>)
/// between <see cref="Start"/> and <see cref="End"/>.
/// </summary>
public sealed record BarsRequest(IReadOnlyList<string> Symbols, BarTimeframe Timeframe, DateTime Start, DateTime End)
{
    /// <summary>Bars per page (1..10,000).</summary>
    public int PageLimit { get; init; } = 10_000;

    /// <summary>Price adjustment.</summary>
    public BarAdjustment Adjustment { get; init; } = BarAdjustment.Raw;

    /// <summary>The feed; null: the account's default.</summary>
    public DataFeed? Feed { get; init; }

    /// <summary>The path and query of the page after <paramref name="pageToken"/>.</summary>
    internal string ToPathAndQuery(string? pageToken)
    {
        if (Symbols.Count == 0) throw new ArgumentException("no symbols", nameof(Symbols));
        if (PageLimit is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(PageLimit), PageLimit, "1..10000");
        var single = Symbols.Count == 1;
        var q = new StringBuilder(single ? $"v2/stocks/{Uri.EscapeDataString(Symbols[0])}/bars?" : $"v2/stocks/bars?symbols={Uri.EscapeDataString(string.Join(',', Symbols))}&");
        q.Append("timeframe=").Append(Timeframe)
            .Append("&start=").Append(Uri.EscapeDataString(Rfc3339(Start)))
            .Append("&end=").Append(Uri.EscapeDataString(Rfc3339(End)))
            .Append("&limit=").Append(PageLimit.ToString(CultureInfo.InvariantCulture))
            .Append("&adjustment=").Append(Adjustment.ToString().ToLowerInvariant());
        if (Feed is { } feed) q.Append("&feed=").Append(feed.ToString().ToLowerInvariant());
        if (pageToken is not null) q.Append("&page_token=").Append(Uri.EscapeDataString(pageToken));
        return q.ToString();
    }

    private static string Rfc3339(DateTime t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>Progress of a long download: pages and bars so far, and the last bar's time.</summary>
public sealed record DownloadProgress(int Pages, long Bars, DateTime? LastTimestamp);
