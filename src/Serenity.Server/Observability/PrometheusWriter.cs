using System.Diagnostics;
using System.Globalization;
using System.Text;
using Serenity.Server.Hosting;

namespace Serenity.Server.Observability;

/// <summary>Renders the node's figures in the Prometheus text format (version 0.0.4).</summary>
public static class PrometheusWriter
{
    /// <summary>The metrics page.</summary>
    public static string Render(ServerContext server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var m = server.Metrics;
        var w = new Writer();
        w.Metric("serenity_uptime_seconds", "gauge", "Seconds since the actor system started.", (server.System.Clock.GetUtcNow() - server.System.StartTime).TotalSeconds);
        w.Header("serenity_http_responses_total", "counter", "HTTP responses by status code.");
        foreach (var (status, responses) in m.Responses.OrderBy(kv => kv.Key)) w.Sample("serenity_http_responses_total", responses, ("status", status.ToString(CultureInfo.InvariantCulture)));
        w.Metric("serenity_http_rate_limited_total", "counter", "Requests refused with 429.", m.RateLimited);
        w.Metric("serenity_orders_accepted_total", "counter", "Orders the accounts accepted.", m.OrdersAccepted);
        w.Metric("serenity_orders_rejected_total", "counter", "Orders rejected by validation or the accounts.", m.OrdersRejected);
        var (cumulative, count, sum) = m.OrderLatency();
        w.Header("serenity_order_latency_seconds", "histogram", "Time from an order request to the account's answer (persisted).");
        for (var i = 0; i < cumulative.Length; i++)
        {
            var le = i < ServerMetrics.LatencyBucketsMs.Count ? (ServerMetrics.LatencyBucketsMs[i] / 1000).ToString("R", CultureInfo.InvariantCulture) : "+Inf";
            w.Sample("serenity_order_latency_seconds_bucket", cumulative[i], ("le", le));
        }
        w.Sample("serenity_order_latency_seconds_count", count);
        w.Sample("serenity_order_latency_seconds_sum", sum);
        w.Metric("serenity_websocket_connections", "gauge", "Open WebSocket connections.", m.WebSocketConnections);
        w.Metric("serenity_websocket_connections_total", "counter", "WebSocket connections accepted.", m.WebSocketConnectionsTotal);
        w.Metric("serenity_websocket_frames_sent_total", "counter", "WebSocket frames sent.", m.WebSocketFramesSent);
        w.Metric("serenity_websocket_quotes_offered_total", "counter", "Quotes handed to WebSocket sessions before coalescing.", m.WebSocketQuotesOffered);
        w.Metric("serenity_websocket_quotes_sent_total", "counter", "Quotes sent on WebSockets after coalescing.", m.WebSocketQuotesSent);
        w.Metric("serenity_websocket_slow_closed_total", "counter", "WebSockets closed because the client fell behind.", m.WebSocketSlowClosed);
        w.Metric("serenity_quotes_received_total", "counter", "Rationed quotes the server saw on quotes.{SYM}.", server.Board.QuotesSeen);
        var bucket = server.MarketData.Bucket.Snapshot();
        w.Metric("serenity_bucket_accepted_total", "counter", "Quotes the fair bucket accepted.", bucket.Accepted);
        w.Metric("serenity_bucket_dropped_total", "counter", "Quotes the fair bucket dropped.", bucket.Dropped);
        w.Metric("serenity_bucket_delivered_total", "counter", "Quotes the fair bucket delivered.", bucket.Delivered);
        w.Metric("serenity_bucket_queue_length", "gauge", "Quotes waiting in the fair bucket.", bucket.QueueLength);
        w.Metric("serenity_market_data_cleaned_dropped_total", "counter", "Ticks the cleaner dropped.", server.MarketData.Cleaning.Dropped);
        w.Metric("serenity_bars_emitted_total", "counter", "Minute bars emitted.", server.MarketData.Bars.BarsEmitted);
        w.Metric("serenity_dead_letters_total", "counter", "Undeliverable actor messages.", server.System.DeadLetterCount);
        using var process = Process.GetCurrentProcess();
        w.Metric("process_cpu_seconds_total", "counter", "CPU time of the process.", process.TotalProcessorTime.TotalSeconds);
        w.Metric("process_resident_memory_bytes", "gauge", "Resident memory.", process.WorkingSet64);
        w.Metric("dotnet_gc_heap_bytes", "gauge", "Managed heap size.", GC.GetTotalMemory(false));
        w.Metric("dotnet_threadpool_threads", "gauge", "Thread-pool threads.", ThreadPool.ThreadCount);
        return w.ToString();
    }

    private sealed class Writer
    {
        private readonly StringBuilder _text = new();

        public void Metric(string name, string type, string help, double value)
        {
            Header(name, type, help);
            Sample(name, value);
        }

        public void Header(string name, string type, string help)
        {
            _text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        }

        public void Sample(string name, double value, params (string Label, string Value)[] labels)
        {
            _text.Append(name);
            if (labels.Length > 0)
            {
                _text.Append('{').AppendJoin(',', labels.Select(l => $"{l.Label}=\"{l.Value}\"")).Append('}');
            }
            _text.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        public override string ToString() => _text.ToString();
    }
}
