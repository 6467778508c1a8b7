using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Serenity.MarketData.FakeAlpaca;

/// <summary>
/// The fake's market-data REST API: historical bars (one symbol or many, paged by <c>page_token</c>) and
/// latest quotes, with header auth, rate-limit headers and injectable 429s.
/// </summary>
public sealed class FakeRestApi
{
    private readonly FakeAlpacaOptions _options;
    private readonly ConcurrentDictionary<string, List<Bar>> _bars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Quote> _quotes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private int _failures;

    internal FakeRestApi(FakeAlpacaOptions options) => _options = options;

    /// <summary>Every request so far: path and query.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Requests answered 429 so far.</summary>
    public int RejectedCount { get; private set; }

    /// <summary>Seconds in the <c>Retry-After</c> of a 429.</summary>
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>Stores bars (kept sorted by time).</summary>
    public void AddBars(string symbol, IEnumerable<Bar> bars)
    {
        var list = _bars.GetOrAdd(symbol, _ => []);
        lock (list)
        {
            list.AddRange(bars);
            list.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        }
    }

    /// <summary>Sets the latest quote of its symbol.</summary>
    public void SetLatestQuote(Quote quote) => _quotes[quote.Symbol] = quote;

    /// <summary>The next <paramref name="count"/> requests answer 429.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    internal async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        _requests.Enqueue(request.Path + request.QueryString);
        var response = context.Response;
        response.Headers["X-Ratelimit-Limit"] = "200";
        if (request.Headers["APCA-API-KEY-ID"] != _options.KeyId || request.Headers["APCA-API-SECRET-KEY"] != _options.SecretKey)
        {
            await Error(response, StatusCodes.Status403Forbidden, "forbidden");
            return;
        }
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            RejectedCount++;
            response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-Ratelimit-Remaining"] = "0";
            await Error(response, StatusCodes.Status429TooManyRequests, "too many requests");
            return;
        }
        Interlocked.Exchange(ref _failures, 0);
        var parts = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries); // v2 stocks ...
        var query = request.Query;
        switch (parts[2..])
        {
            case ["bars"]:
                await WriteBars(context, Symbols(query), single: null);
                break;
            case [var symbol, "bars"]:
                await WriteBars(context, [symbol], single: symbol);
                break;
            case ["quotes", "latest"]:
                await WriteQuotes(response, Symbols(query), single: false);
                break;
            case [var symbol, "quotes", "latest"]:
                await WriteQuotes(response, [symbol], single: true);
                break;
            default:
                await Error(response, StatusCodes.Status404NotFound, "not found");
                break;
        }
    }

    private static string[] Symbols(IQueryCollection query) =>
        query["symbols"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task WriteBars(HttpContext context, string[] symbols, string? single)
    {
        var query = context.Request.Query;
        if (string.IsNullOrEmpty(query["timeframe"]) || symbols.Length == 0)
        {
            await Error(context.Response, StatusCodes.Status422UnprocessableEntity, "timeframe and symbols are required");
            return;
        }
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 10_000) : 1000;
        var offset = query["page_token"].ToString() is { Length: > 0 } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        var start = ParseTime(query["start"], DateTime.MinValue);
        var end = ParseTime(query["end"], DateTime.MaxValue);
        var all = symbols.SelectMany(s => BarsOf(s).Where(b => b.Timestamp >= start && b.Timestamp <= end)).ToList();
        var page = all.Skip(offset).Take(limit).ToList();
        var next = offset + page.Count < all.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        await Write(context.Response, w =>
        {
            if (single is not null)
            {
                w.WriteStartArray("bars");
                foreach (var bar in page) WriteBar(w, bar);
                w.WriteEndArray();
                w.WriteString("symbol", single);
            }
            else
            {
                w.WriteStartObject("bars");
                foreach (var group in page.GroupBy(b => b.Symbol))
                {
                    w.WriteStartArray(group.Key);
                    foreach (var bar in group) WriteBar(w, bar);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            if (next is null) w.WriteNull("next_page_token");
            else w.WriteString("next_page_token", next);
        });
    }

    private List<Bar> BarsOf(string symbol)
    {
        if (!_bars.TryGetValue(symbol, out var list)) return [];
        lock (list) return [.. list];
    }

    private async Task WriteQuotes(HttpResponse response, string[] symbols, bool single)
    {
        var found = symbols.Where(_quotes.ContainsKey).Select(s => _quotes[s]).ToList();
        await Write(response, w =>
        {
            if (single)
            {
                if (found.Count > 0)
                {
                    w.WriteString("symbol", found[0].Symbol);
                    w.WritePropertyName("quote");
                    WriteQuote(w, found[0]);
                }
                return;
            }
            w.WriteStartObject("quotes");
            foreach (var q in found)
            {
                w.WritePropertyName(q.Symbol);
                WriteQuote(w, q);
            }
            w.WriteEndObject();
        });
    }

    private static void WriteBar(Utf8JsonWriter w, Bar bar)
    {
        w.WriteStartObject();
        w.WriteString("t", Rfc3339(bar.Timestamp));
        w.WriteNumber("o", bar.Open);
        w.WriteNumber("h", bar.High);
        w.WriteNumber("l", bar.Low);
        w.WriteNumber("c", bar.Close);
        w.WriteNumber("v", bar.Volume);
        w.WriteNumber("n", bar.TradeCount);
        w.WriteNumber("vw", bar.Vwap);
        w.WriteEndObject();
    }

    private static void WriteQuote(Utf8JsonWriter w, Quote q)
    {
        w.WriteStartObject();
        w.WriteString("t", Rfc3339(q.Timestamp));
        w.WriteString("bx", q.BidExchange == '\0' ? "" : q.BidExchange.ToString());
        w.WriteNumber("bp", q.BidPrice);
        w.WriteNumber("bs", q.BidSize);
        w.WriteString("ax", q.AskExchange == '\0' ? "" : q.AskExchange.ToString());
        w.WriteNumber("ap", q.AskPrice);
        w.WriteNumber("as", q.AskSize);
        w.WriteStartArray("c");
        foreach (var c in q.Conditions ?? Conditions.None) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteString("z", q.Tape == '\0' ? "" : q.Tape.ToString());
        w.WriteEndObject();
    }

    /// <summary>RFC-3339 UTC with the fraction when there is one.</summary>
    public static string Rfc3339(DateTime t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static DateTime ParseTime(string? text, DateTime fallback) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : fallback;

    private static async Task Write(HttpResponse response, Action<Utf8JsonWriter> body)
    {
        response.ContentType = "application/json";
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        await response.Body.WriteAsync(buffer.ToArray());
    }

    private static Task Error(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        return Write(response, w => w.WriteString("message", message));
    }
}
