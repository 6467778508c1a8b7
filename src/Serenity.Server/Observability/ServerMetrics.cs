using System.Collections.Concurrent;

namespace Serenity.Server.Observability;

/// <summary>The server's own counters (thread-safe), rendered by <see cref="PrometheusWriter"/>.</summary>
public sealed class ServerMetrics
{
    private static readonly double[] s_bucketsMs = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000];
    private readonly ConcurrentDictionary<int, long> _responses = new();
    private readonly long[] _orderLatencyBuckets = new long[s_bucketsMs.Length + 1];
    private long _orderLatencyCount;
    private long _orderLatencySumMicros;
    private long _ordersAccepted;
    private long _ordersRejected;
    private long _rateLimited;
    private long _wsConnections;
    private long _wsConnectionsTotal;
    private long _wsFramesSent;
    private long _wsQuotesOffered;
    private long _wsQuotesSent;
    private long _wsSlowClosed;

    /// <summary>Upper bounds (ms) of the order latency histogram.</summary>
    public static IReadOnlyList<double> LatencyBucketsMs => s_bucketsMs;

    /// <summary>Responses by status code.</summary>
    public IReadOnlyDictionary<int, long> Responses => _responses;

    /// <summary>Orders the accounts accepted.</summary>
    public long OrdersAccepted => Interlocked.Read(ref _ordersAccepted);

    /// <summary>Orders the accounts or the validation rejected.</summary>
    public long OrdersRejected => Interlocked.Read(ref _ordersRejected);

    /// <summary>Requests answered 429.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Open WebSocket connections.</summary>
    public long WebSocketConnections => Interlocked.Read(ref _wsConnections);

    /// <summary>WebSocket connections accepted since start.</summary>
    public long WebSocketConnectionsTotal => Interlocked.Read(ref _wsConnectionsTotal);

    /// <summary>WebSocket frames sent.</summary>
    public long WebSocketFramesSent => Interlocked.Read(ref _wsFramesSent);

    /// <summary>Quotes handed to WebSocket sessions (before coalescing).</summary>
    public long WebSocketQuotesOffered => Interlocked.Read(ref _wsQuotesOffered);

    /// <summary>Quotes sent on WebSockets (after coalescing).</summary>
    public long WebSocketQuotesSent => Interlocked.Read(ref _wsQuotesSent);

    /// <summary>WebSockets closed because the client could not keep up with ordered events.</summary>
    public long WebSocketSlowClosed => Interlocked.Read(ref _wsSlowClosed);

    /// <summary>Order latency histogram: cumulative counts per bucket (last = +Inf), count and sum in seconds.</summary>
    public (long[] Cumulative, long Count, double SumSeconds) OrderLatency()
    {
        var cumulative = new long[_orderLatencyBuckets.Length];
        long running = 0;
        for (var i = 0; i < cumulative.Length; i++) cumulative[i] = running += Interlocked.Read(ref _orderLatencyBuckets[i]);
        return (cumulative, Interlocked.Read(ref _orderLatencyCount), Interlocked.Read(ref _orderLatencySumMicros) / 1e6);
    }

    internal void Response(int status) => _responses.AddOrUpdate(status, 1, (_, n) => n + 1);

    internal void Order(bool accepted, TimeSpan latency)
    {
        if (accepted) Interlocked.Increment(ref _ordersAccepted);
        else Interlocked.Increment(ref _ordersRejected);
        var ms = latency.TotalMilliseconds;
        var i = 0;
        while (i < s_bucketsMs.Length && ms > s_bucketsMs[i]) i++;
        Interlocked.Increment(ref _orderLatencyBuckets[i]);
        Interlocked.Increment(ref _orderLatencyCount);
        Interlocked.Add(ref _orderLatencySumMicros, (long)(latency.TotalMicroseconds));
    }

    internal void OrderRejectedEarly() => Interlocked.Increment(ref _ordersRejected);

    internal void RateLimitHit() => Interlocked.Increment(ref _rateLimited);

    internal void WebSocketOpened()
    {
        Interlocked.Increment(ref _wsConnections);
        Interlocked.Increment(ref _wsConnectionsTotal);
    }

    internal void WebSocketClosed() => Interlocked.Decrement(ref _wsConnections);

    internal void FrameSent() => Interlocked.Increment(ref _wsFramesSent);

    internal void QuoteOffered() => Interlocked.Increment(ref _wsQuotesOffered);

    internal void QuoteSent() => Interlocked.Increment(ref _wsQuotesSent);

    internal void SlowClientClosed() => Interlocked.Increment(ref _wsSlowClosed);
}
