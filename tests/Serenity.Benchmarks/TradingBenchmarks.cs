namespace Serenity.Benchmarks;

/// <summary>
/// The trading issue's server targets: <c>order_http_p99</c> (&lt; 5 ms at 1,000 orders/s over HTTP to persisted fill and
/// response, one node, SQLite), <c>orders_sustained</c> (≥ 5,000 orders/s from 100 concurrent users) and
/// <c>revalue_10k_cpu</c> (CPU of 10,000 portfolios × 20 positions revalued on every rationed quote with the push keeping up).
/// </summary>
internal static class TradingBenchmarks
{
    public static IReadOnlyList<Benchmark> All() =>
    [
        new("order_http_p99", "ms", OrderHttpBenchmarks.OrderHttpP99, 2),
        new("orders_sustained", "orders/s", OrderHttpBenchmarks.OrdersSustained),
        new("revalue_10k_cpu", "% of one core", RevalueBenchmarks.Revalue10kCpu, 1),
    ];
}
