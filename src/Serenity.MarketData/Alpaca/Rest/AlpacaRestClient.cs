using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;

namespace Serenity.MarketData.Alpaca.Rest;

/// <summary>
/// Alpaca's market-data REST API: historical bars (paged with <c>page_token</c> until the last page) and
/// latest quotes. Keeps under the per-minute request limit and, on a 429, waits as the server says
/// (<c>Retry-After</c>, else <c>X-Ratelimit-Reset</c>, else a doubling delay) and retries.
/// </summary>
public sealed class AlpacaRestClient
{
    private readonly HttpClient _http;
    private readonly AlpacaRestOptions _options;
    private readonly SlidingWindowRateLimiter _limiter;

    /// <summary>A client over <paramref name="http"/> (owned by the caller).</summary>
    public AlpacaRestClient(HttpClient http, AlpacaRestOptions options)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _limiter = new SlidingWindowRateLimiter(options.RequestsPerMinute, TimeSpan.FromMinutes(1), options.Clock);
    }

    /// <summary>Every bar of the request, page after page, in the server's order.</summary>
    public async IAsyncEnumerable<Bar> GetBarsAsync(
        BarsRequest request,
        IProgress<DownloadProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? token = null;
        var pages = 0;
        long count = 0;
        var page = new List<Bar>();
        do
        {
            var body = await GetAsync(request.ToPathAndQuery(token), cancellationToken);
            page.Clear();
            token = Read(() => RestJson.ReadBarsPage(body, request.Symbols.Count == 1 ? request.Symbols[0] : null, page));
            pages++;
            count += page.Count;
            foreach (var bar in page) yield return bar;
            progress?.Report(new DownloadProgress(pages, count, page.Count > 0 ? page[^1].Timestamp : null));
        }
        while (token is not null);
    }

    /// <summary>The whole download as a list.</summary>
    public async Task<IReadOnlyList<Bar>> GetAllBarsAsync(BarsRequest request, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var bars = new List<Bar>();
        await foreach (var bar in GetBarsAsync(request, progress, cancellationToken)) bars.Add(bar);
        return bars;
    }

    /// <summary>The latest quote of <paramref name="symbol"/>, or null when the API has none.</summary>
    public async Task<Quote?> GetLatestQuoteAsync(string symbol, DataFeed? feed = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        var body = await GetAsync($"v2/stocks/{Uri.EscapeDataString(symbol)}/quotes/latest{FeedQuery(feed, '?')}", cancellationToken);
        var quotes = new Dictionary<string, Quote>(StringComparer.Ordinal);
        Read(() => RestJson.ReadLatestQuotes(body, quotes));
        return quotes.GetValueOrDefault(symbol);
    }

    /// <summary>The latest quotes of several symbols (those the API has).</summary>
    public async Task<IReadOnlyDictionary<string, Quote>> GetLatestQuotesAsync(IReadOnlyCollection<string> symbols, DataFeed? feed = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var body = await GetAsync($"v2/stocks/quotes/latest?symbols={Uri.EscapeDataString(string.Join(',', symbols))}{FeedQuery(feed, '&')}", cancellationToken);
        var quotes = new Dictionary<string, Quote>(StringComparer.Ordinal);
        Read(() => RestJson.ReadLatestQuotes(body, quotes));
        return quotes;
    }

    private static string FeedQuery(DataFeed? feed, char separator) =>
        feed is { } f ? $"{separator}feed={f.ToString().ToLowerInvariant()}" : "";

    private static T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new AlpacaRestException("malformed answer from the Alpaca REST API", e);
        }
    }

    private static void Read(Action read) => Read(() =>
    {
        read();
        return 0;
    });

    private async Task<byte[]> GetAsync(string pathAndQuery, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await _limiter.WaitAsync(ct);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_options.BaseAddress, pathAndQuery));
            request.Headers.Add("APCA-API-KEY-ID", _options.Credentials.KeyId);
            request.Headers.Add("APCA-API-SECRET-KEY", _options.Credentials.SecretKey);
            using var response = await _http.SendAsync(request, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (response.IsSuccessStatusCode) return body;
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt >= _options.MaxRetries)
            {
                throw new AlpacaRestException(response.StatusCode, System.Text.Encoding.UTF8.GetString(body));
            }
            var wait = RetryDelay(response.Headers, attempt);
            _limiter.PauseUntil(_options.Clock.GetUtcNow() + wait);
        }
    }

    private TimeSpan RetryDelay(HttpResponseHeaders headers, int attempt)
    {
        var now = _options.Clock.GetUtcNow();
        if (headers.RetryAfter is { } retry)
        {
            if (retry.Delta is { } delta) return delta;
            if (retry.Date is { } date && date > now) return date - now;
        }
        if (headers.TryGetValues("X-Ratelimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, out var epoch)
            && DateTimeOffset.FromUnixTimeSeconds(epoch) is var reset && reset > now)
        {
            return reset - now;
        }
        return _options.DefaultRetryDelay * Math.Pow(2, Math.Min(attempt, 10));
    }
}
