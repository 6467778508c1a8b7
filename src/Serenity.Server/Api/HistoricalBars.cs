using Serenity.MarketData;
using Serenity.Server.Hosting;
using Serenity.Tickstore;
using Serenity.Tickstore.Analytics;
using Serenity.Tickstore.Series;
using Serenity.Trading;

namespace Serenity.Server.Api;

/// <summary>
/// A symbol's bars for GET /api/bars: the Ticker's recent window, and for a range that starts before it, the older
/// minute bars from the tickstore in front (the Ticker's bars win where both have a minute), bucketed together.
/// </summary>
public static class HistoricalBars
{
    /// <summary>The bars of <paramref name="symbol"/> in [from, to] gathered into <paramref name="bucket"/>-minute buckets, oldest first.</summary>
    public static async Task<IReadOnlyList<Bar>> LoadAsync(ServerContext server, string symbol, DateTime? from, DateTime? to, int bucket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var ticker = server.Entities.Ticker(symbol);
        if (server.Features?.Store is not { } store || from is not { } start)
        {
            return (await server.AskAsync<BarsView>(ticker, new GetBars(from, to, bucket), cancellationToken)).Bars;
        }
        var recent = (await server.AskAsync<BarsView>(ticker, new GetBars(from, to, 1), cancellationToken)).Bars;
        var covered = recent.Count > 0 ? recent[0].Timestamp : to ?? server.UtcNow;
        var end = to is { } t && t < covered ? t.AddTicks(1) : covered;
        var older = start < end ? store.Select(symbol, start, end) : BarSeries.Empty(symbol);
        if (older.Count == 0)
        {
            return bucket == 1 ? recent : (await server.AskAsync<BarsView>(ticker, new GetBars(from, to, bucket), cancellationToken)).Bars;
        }
        var minutes = older.ToBars().Concat(recent);
        if (bucket == 1) return [.. minutes];
        return Resampler.Resample(BarSeries.From(symbol, minutes), TimeSpan.FromMinutes(bucket)).ToBars();
    }
}
