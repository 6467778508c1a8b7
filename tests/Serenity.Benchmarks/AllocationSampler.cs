using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

namespace Serenity.Benchmarks;

/// <summary>
/// Diagnostic only (<c>SERENITY_BENCH_ALLOCATIONS=1</c>): which types a measured window allocates, from the runtime's
/// AllocationTick events (one about every 100 KiB allocated, naming the type that crossed the mark), so the top of the
/// list is where the bytes go. Off by default: the listener itself costs a little.
/// </summary>
internal sealed class AllocationSampler : RuntimeGcEventListener
{
    public const string Variable = "SERENITY_BENCH_ALLOCATIONS";
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    public static AllocationSampler? StartIfAsked() => Environment.GetEnvironmentVariable(Variable) == "1" ? new AllocationSampler() : null;

    /// <summary>The <paramref name="top"/> types by sampled bytes, with their share.</summary>
    public string Stop(int top = 25)
    {
        Dispose();
        lock (_lock)
        {
            var total = Math.Max(1, _bytesByType.Values.Sum());
            var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"allocation samples ({total / 1024 / 1024} MiB):"));
            foreach (var (type, bytes) in _bytesByType.OrderByDescending(p => p.Value).Take(top))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  {bytes * 100.0 / total,5:F1} % {type}");
            }
            return text.ToString();
        }
    }

    protected override EventLevel Level => EventLevel.Verbose; // AllocationTick is a verbose event

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName != "GCAllocationTick_V4" && e.EventName != "GCAllocationTick_V3") return;
        if (e.Payload is not { } payload || e.PayloadNames is not { } names) return;
        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        var bytes = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
        lock (_lock) _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + bytes;
    }
}
