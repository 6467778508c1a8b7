using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serenity.MarketData.Cleaning;
using Serenity.MarketData.Configuration;
using Serenity.Server.Api;
using Serenity.Streams.FairBucket;

namespace Serenity.Server.Admin;

/// <summary>The <c>market-data</c> palette: <c>status</c> (source, state, rates, cleaning, bars) and <c>buckets</c> (per-ticker fair-bucket statistics).</summary>
internal static class CmdMarketDataEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/market-data/status", Status);
        group.MapGet("/market-data/buckets", Buckets);
    }

    private static IResult Status(CmdContext cmd)
    {
        var settings = MarketDataSettings.Create(cmd.Server.System.Settings.Config);
        var handle = cmd.Server.MarketData;
        var snapshot = handle.Bucket.Snapshot();
        var (rateIn, rateOut, seconds) = cmd.Rates.Rates(snapshot);
        var completion = handle.Completion;
        var connection = handle.Connection?.Snapshot();
        var state = completion.IsFaulted ? "failed: " + completion.Exception?.GetBaseException().Message
            : completion.IsCompleted ? "completed"
            : settings.Source switch
            {
                MarketDataSourceKind.Simulator => "simulating",
                MarketDataSourceKind.Replay => "replaying",
                _ => "streaming",
            };
        var cleaning = Enum.GetValues<CleanReason>()
            .Where(r => handle.Cleaning[r] > 0)
            .ToDictionary(r => r.ToString(), r => handle.Cleaning[r], StringComparer.Ordinal);
        return ApiResults.Json(new
        {
            source = settings.Source,
            feed = settings.Source == MarketDataSourceKind.Alpaca ? settings.Feed.ToString().ToLowerInvariant() : null,
            symbols = settings.Symbols.Count,
            state,
            connection = connection?.State ?? "n/a (no connection)",
            connection_since = connection?.Since?.UtcDateTime,
            connects = connection?.Connects,
            reconnects = connection?.Reconnects,
            subscribed_symbols = connection?.SubscribedSymbols,
            last_disconnect = connection?.LastDisconnect,
            last_error_code = connection?.LastErrorCode,
            last_error = connection?.LastError,
            connection_events = connection?.Recent.Select(e => new { time = e.Time.UtcDateTime, @event = e.Event, detail = e.Detail }),
            quotes_accepted = snapshot.Accepted,
            quotes_delivered = snapshot.Delivered,
            quotes_dropped = snapshot.Dropped,
            queue_length = snapshot.QueueLength,
            rate_in_per_second = Math.Round(rateIn, 1),
            rate_out_per_second = Math.Round(rateOut, 1),
            rate_window_seconds = Math.Round(seconds, 1),
            cleaning_dropped = handle.Cleaning.Dropped,
            cleaning,
            bars_emitted = handle.Bars.BarsEmitted,
            late_trades_dropped = handle.Bars.LateTradesDropped,
            late_trades_accepted = handle.Bars.LateTradesAccepted,
        });
    }

    private static IResult Buckets(HttpContext http, CmdContext cmd)
    {
        var bucket = cmd.Server.MarketData.Bucket;
        var symbol = http.Request.Query["symbol"].ToString().Trim().ToUpperInvariant();
        if (symbol.Length > 0)
        {
            return bucket.Get(symbol) is { } one
                ? ApiResults.Json(new { time = bucket.Snapshot().Time.UtcDateTime, keys = new[] { Shape(one) }, total = bucket.KeyCount })
                : ApiResults.Error(StatusCodes.Status404NotFound, "symbol", $"no bucket statistics for {symbol} (not a configured symbol, or no quote for it yet)");
        }
        var top = http.QueryInt("top", int.MaxValue, 1, int.MaxValue);
        var snapshot = bucket.Snapshot();
        var keys = snapshot.Keys.OrderByDescending(k => k.Accepted).ThenBy(k => k.Key, StringComparer.Ordinal).Take(top).Select(Shape).ToList();
        return ApiResults.Json(new { time = snapshot.Time.UtcDateTime, keys, total = snapshot.Keys.Count });
    }

    private static object Shape(FairBucketKeyStats<string> k) => new
    {
        symbol = k.Key,
        accepted = k.Accepted,
        delivered = k.Delivered,
        dropped = k.Dropped,
        conflated = k.Conflated,
        queue_length = k.QueueLength,
        threshold = k.Threshold,
        staleness_ms = Math.Round(k.Staleness.TotalMilliseconds, 1),
        last_wait_ms = Math.Round(k.LastWait.TotalMilliseconds, 1),
    };
}
