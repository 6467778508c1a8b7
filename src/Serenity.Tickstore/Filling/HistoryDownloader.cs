using Serenity.MarketData.Alpaca.Rest;

namespace Serenity.Tickstore.Filling;

/// <summary>What to download: 1-minute bars of <paramref name="Symbols"/> on the UTC dates <paramref name="From"/>..<paramref name="To"/> (inclusive).</summary>
/// <param name="Symbols">The symbols, one request series each.</param>
/// <param name="From">First date.</param>
/// <param name="To">Last date (inclusive).</param>
public sealed record DownloadRequest(IReadOnlyList<string> Symbols, DateOnly From, DateOnly To)
{
    /// <summary>Days per chunk: one paginated request series and one index transaction each.</summary>
    public int ChunkDays { get; init; } = 30;

    /// <summary>The feed (null: the account's default).</summary>
    public DataFeed? Feed { get; init; }

    /// <summary>Price adjustment.</summary>
    public BarAdjustment Adjustment { get; init; } = BarAdjustment.Raw;

    /// <summary>Bars per page (Alpaca allows up to 10,000).</summary>
    public int PageLimit { get; init; } = 10_000;
}

/// <summary>Where a download is.</summary>
/// <param name="ChunksDone">Chunks finished.</param>
/// <param name="ChunksTotal">Chunks in all.</param>
/// <param name="Symbol">The symbol being downloaded.</param>
/// <param name="Bars">Bars received so far (all symbols).</param>
/// <param name="Pages">Pages received so far.</param>
/// <param name="LastTimestamp">The newest bar of the current chunk, if any.</param>
public sealed record DownloadStatus(int ChunksDone, int ChunksTotal, string Symbol, long Bars, int Pages, DateTime? LastTimestamp);

/// <summary>The outcome of a download.</summary>
/// <param name="Bars">Bars stored.</param>
/// <param name="Days">Day versions written.</param>
/// <param name="Pages">Pages fetched.</param>
public sealed record DownloadSummary(long Bars, int Days, int Pages);

/// <summary>
/// Fills the store with Alpaca's historical 1-minute bars: per symbol, chunks of <see cref="DownloadRequest.ChunkDays"/>
/// whole UTC days, each fetched page by page through the rate-limited <see cref="AlpacaRestClient"/> (which waits out
/// 429s) and stored as one transaction in which each day's bars replace that day.
/// </summary>
public sealed class HistoryDownloader(AlpacaRestClient client, TickStore store)
{
    /// <summary>Runs the download; reports after every page.</summary>
    public async Task<DownloadSummary> DownloadAsync(DownloadRequest request, IProgress<DownloadStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Symbols.Count == 0) throw new ArgumentException("no symbols", nameof(request));
        if (request.To < request.From) throw new ArgumentException($"to {request.To:yyyy-MM-dd} is before from {request.From:yyyy-MM-dd}", nameof(request));
        if (request.ChunkDays < 1) throw new ArgumentOutOfRangeException(nameof(request), request.ChunkDays, "ChunkDays must be at least 1");
        var chunks = Chunks(request.From, request.To, request.ChunkDays).ToList();
        var total = chunks.Count * request.Symbols.Count;
        var done = 0;
        long bars = 0;
        var pages = 0;
        var days = 0;
        foreach (var symbol in request.Symbols)
        {
            foreach (var (first, last) in chunks)
            {
                var start = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var end = last.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(1).AddSeconds(-1);
                var barsRequest = new BarsRequest([symbol], BarTimeframe.OneMinute, start, end)
                {
                    Feed = request.Feed,
                    Adjustment = request.Adjustment,
                    PageLimit = request.PageLimit,
                };
                var before = bars;
                var pagesBefore = pages;
                var pageProgress = new InlineProgress<DownloadProgress>(p =>
                {
                    pages = pagesBefore + p.Pages;
                    bars = before + p.Bars;
                    progress?.Report(new DownloadStatus(done, total, symbol, bars, pages, p.LastTimestamp));
                });
                var chunk = await client.GetAllBarsAsync(barsRequest, pageProgress, cancellationToken).ConfigureAwait(false);
                days += store.InsertDays(chunk, $"alpaca download {start:yyyy-MM-dd}..{last:yyyy-MM-dd}").Count;
                done++;
                progress?.Report(new DownloadStatus(done, total, symbol, bars, pages, chunk.Count > 0 ? chunk[^1].Timestamp : null));
            }
        }
        return new DownloadSummary(bars, days, pages);
    }

    private static IEnumerable<(DateOnly First, DateOnly Last)> Chunks(DateOnly from, DateOnly to, int size)
    {
        for (var first = from; first <= to; first = first.AddDays(size))
        {
            var last = first.AddDays(size - 1);
            yield return (first, last > to ? to : last);
        }
    }

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
