using System.Diagnostics;
using System.Globalization;
using Serenity.Server.Observability;

namespace Serenity.Benchmarks;

/// <summary>
/// What a measured window of the order benchmarks cost beside the client's figure: the server's own latency (the share
/// of orders its handler answered within 1, 2 and 5 ms, from its order-latency histogram), the process CPU per order
/// and the GC pauses, with every GC of the window and the bytes allocated per order (<see cref="GcRecorder"/>). Client
/// and server share the process, so the CPU and the allocation are both sides'.
/// </summary>
internal sealed class RunWindow
{
    private readonly ServerMetrics _metrics;
    private readonly long[] _buckets;
    private readonly TimeSpan _cpu;
    private readonly TimeSpan _gcPause;
    private readonly int _gen0;
    private readonly int _gen2;
    private readonly GcRecorder _gcs;
    private readonly AllocationSampler? _allocations;
    private readonly GcPhaseRecorder? _phases;
    private readonly Func<long> _walBytes;
    private readonly long _walBefore;

    private RunWindow(ServerMetrics metrics, Func<long> walBytes)
    {
        _metrics = metrics;
        _walBytes = walBytes;
        _walBefore = walBytes();
        _buckets = metrics.OrderLatency().Cumulative;
        _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        _gcPause = GC.GetTotalPauseDuration();
        _gen0 = GC.CollectionCount(0);
        _gen2 = GC.CollectionCount(2);
        _gcs = GcRecorder.Start();
        _allocations = AllocationSampler.StartIfAsked();
        _phases = GcPhaseRecorder.StartIfAsked();
    }

    public static RunWindow Start(TradingBenchNode node) => new(node.Host.Context.Metrics, node.WriteAheadLogBytes);

    /// <summary>One line about the window since <see cref="Start"/>, for <paramref name="orders"/> orders.</summary>
    public string Report(long orders)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpu;
        var buckets = _metrics.OrderLatency().Cumulative;
        var count = buckets[^1] - _buckets[^1];
        string Within(double ms)
        {
            var i = ServerMetrics.LatencyBucketsMs.ToList().IndexOf(ms);
            return count == 0 ? "-" : ((buckets[i] - _buckets[i]) * 100.0 / count).ToString("F1", CultureInfo.InvariantCulture) + " %";
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"server answered within 1 / 2 / 5 ms: {Within(1)} / {Within(2)} / {Within(5)}; CPU {cpu.TotalMilliseconds / Math.Max(1, orders):F3} ms per order; GC {GC.CollectionCount(0) - _gen0} collections ({GC.CollectionCount(2) - _gen2} gen2), paused {(GC.GetTotalPauseDuration() - _gcPause).TotalMilliseconds:F0} ms; write-ahead log {_walBefore / 1048576.0:F0} -> {_walBytes() / 1048576.0:F0} MiB; {_gcs.Stop(orders)}{(_allocations is null ? "" : "\n" + _allocations.Stop())}{(_phases is null ? "" : "\n" + _phases.Stop())}");
    }
}
