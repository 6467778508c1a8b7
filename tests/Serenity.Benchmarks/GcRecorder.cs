using System.Globalization;
using System.Text;

namespace Serenity.Benchmarks;

/// <summary>
/// Records every GC of a measured window: its generation, whether it was a background (concurrent) collection, its
/// pause, the bytes it promoted and the heap size after it. The runtime only keeps the last GC of each kind, so a thread
/// polls <see cref="GC.GetGCMemoryInfo(GCKind)"/> every few milliseconds (GCs come about once a second here); a GC
/// missed between two polls still shows in the count. Also the bytes allocated over the window (per order).
/// </summary>
internal sealed class GcRecorder
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private readonly Dictionary<long, GCMemoryInfo> _seen = [];
    private readonly long _allocated = GC.GetTotalAllocatedBytes(precise: false);
    private readonly long _heapBefore = GC.GetGCMemoryInfo().HeapSizeBytes;
    private readonly long _firstIndex = GC.GetGCMemoryInfo(GCKind.Any).Index; // GCs up to this one are before the window
    private readonly Thread _poller;
    private volatile bool _stop;

    private GcRecorder()
    {
        _poller = new Thread(Poll) { IsBackground = true, Name = "gc-recorder" };
        _poller.Start();
    }

    public static GcRecorder Start() => new();

    /// <summary>Stops recording; one line per GC of the window plus the allocation per <paramref name="orders"/>.</summary>
    public string Stop(long orders)
    {
        _stop = true;
        _poller.Join();
        Record();
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - _allocated;
        var heapAfter = GC.GetGCMemoryInfo().HeapSizeBytes;
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"allocated {allocated / 1024.0 / Math.Max(1, orders):F1} KiB per order; heap after the last GC {Mib(_heapBefore)} -> {Mib(heapAfter)} MiB"));
        foreach (var gc in _seen.Values.OrderBy(g => g.Index))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n  gc #{gc.Index} gen{gc.Generation}{(gc.Concurrent ? " background" : "")}{(gc.Compacted ? " compacting" : "")}: paused {gc.PauseDurations[0].TotalMilliseconds + gc.PauseDurations[1].TotalMilliseconds:F1} ms, promoted {Mib(gc.PromotedBytes)} MiB, heap after {Mib(gc.HeapSizeBytes)} MiB, gen0 budget-size before {Mib(gc.GenerationInfo[0].SizeBeforeBytes)} MiB, gen1 after {Mib(gc.GenerationInfo[1].SizeAfterBytes)} MiB, gen2 after {Mib(gc.GenerationInfo[2].SizeAfterBytes)} MiB, pinned {gc.PinnedObjectsCount}");
        }
        return text.ToString();
    }

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);

    private void Poll()
    {
        while (!_stop)
        {
            Record();
            Thread.Sleep(PollInterval);
        }
    }

    private void Record()
    {
        foreach (var kind in new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background })
        {
            var info = GC.GetGCMemoryInfo(kind);
            if (info.Index > _firstIndex && !_seen.ContainsKey(info.Index)) _seen[info.Index] = info;
        }
    }
}
