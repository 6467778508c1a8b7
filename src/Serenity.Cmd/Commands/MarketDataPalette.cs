using System.Text.Json;
using Serenity.Cmd.Catalog;
using Serenity.Cmd.Output;
using Spectre.Console;

namespace Serenity.Cmd.Commands;

/// <summary>The <c>market-data</c> palette: status, buckets.</summary>
internal static class MarketDataPalette
{
    public static PaletteSpec Palette { get; } = new("market-data", "the market-data feed and the fair bucket",
    [
        new CommandSpec("status", "source, state, connection, reconnects, quote rates, cleaning and bar counters",
            new CommandHandler(_ => NodeRequest.Get("market-data/status"), RenderStatus)),
        new CommandSpec("buckets", "the fair bucket's per-ticker statistics, busiest first", [],
        [
            new OptionSpec("top", "t", OptionKind.Number, "show only the N busiest tickers") { ValueName = "n" },
            new OptionSpec("symbol", "s", OptionKind.Text, "show only this ticker") { ValueName = "symbol" },
        ], new CommandHandler(i => NodeRequest.Get("market-data/buckets" + i.Query(("top", "top"), ("symbol", "symbol"))), RenderBuckets)),
    ]);

    private static void RenderStatus(IAnsiConsole console, JsonElement answer)
    {
        // The connection's details only when there is one (Alpaca's stream); the simulator and replay have none.
        var connected = Show.Property(answer, "connects").ValueKind == JsonValueKind.Number;
        (string, string)[] connection = connected
            ? [("Connection", "connection"), ("Connection since", "connection_since"), ("Connects", "connects"), ("Reconnects", "reconnects"),
               ("Subscribed symbols", "subscribed_symbols"), ("Last disconnect", "last_disconnect"), ("Last error code", "last_error_code"), ("Last error", "last_error")]
            : [("Connection", "connection")];
        Show.Fields(console, answer,
        [
            ("Source", "source"), ("Feed", "feed"), ("Symbols", "symbols"), ("State", "state"), .. connection,
            ("Quotes in", "quotes_accepted"), ("Quotes out", "quotes_delivered"), ("Quotes dropped", "quotes_dropped"), ("Queued", "queue_length"),
            ("Rate in (/s)", "rate_in_per_second"), ("Rate out (/s)", "rate_out_per_second"), ("Rate window (s)", "rate_window_seconds"),
            ("Cleaning dropped", "cleaning_dropped"), ("Cleaning", "cleaning"), ("Bars emitted", "bars_emitted"),
            ("Late trades dropped", "late_trades_dropped"), ("Late trades accepted", "late_trades_accepted"),
        ]);
        var events = Show.Property(answer, "connection_events");
        if (events.ValueKind != JsonValueKind.Array || events.GetArrayLength() == 0) return;
        Show.Line(console, "");
        Show.Line(console, "Connection events:");
        Show.Rows(console, events, ("Time", "time"), ("Event", "event"), ("Detail", "detail"));
    }

    private static void RenderBuckets(IAnsiConsole console, JsonElement answer)
    {
        var keys = Show.Property(answer, "keys");
        Show.Rows(console, keys, ("Symbol", "symbol"), ("Accepted", "accepted"), ("Delivered", "delivered"), ("Dropped", "dropped"),
            ("Conflated", "conflated"), ("Queued", "queue_length"), ("Threshold", "threshold"), ("Staleness ms", "staleness_ms"), ("Last wait ms", "last_wait_ms"));
        Show.Line(console, Show.Invariant($"Showing {keys.GetArrayLength()} of {Show.Count(answer, "total")} tickers"));
    }
}
