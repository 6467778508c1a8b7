using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

namespace Serenity.Benchmarks;

/// <summary>
/// Diagnostic only (<c>SERENITY_BENCH_GC_PHASES=1</c>): where each GC pause of a measured window goes, from the runtime's
/// GC events: suspending the threads (SuspendEE), the collection itself (GCStart..GCEnd) and resuming them (RestartEE).
/// A pause that is mostly suspension points at threads slow to reach a safe point, not at the heap. Per pause also the
/// bytes marked from each root kind (GCMarkWithType: t0 stacks, t2 handles, t3 older generations' cards, t7 the
/// finalization queue), and for the window the objects the finalizer ran for and the large-object allocations.
/// </summary>
internal sealed class GcPhaseRecorder : RuntimeGcEventListener
{
    public const string Variable = "SERENITY_BENCH_GC_PHASES";
    private readonly List<(string Name, DateTime At, string Detail)> _events = [];
    private readonly object _lock = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal); // "finalized T" / "large T": objects the finalizer ran for, LOH allocation samples

    public static GcPhaseRecorder? StartIfAsked() => Environment.GetEnvironmentVariable(Variable) == "1" ? new GcPhaseRecorder() : null;

    /// <summary>One line per pause: suspension, collection and restart in ms.</summary>
    public string Stop()
    {
        Dispose();
        var text = new StringBuilder("gc phases (suspend / collect / restart ms):");
        lock (_lock)
        {
            DateTime? suspend = null, suspended = null, start = null, end = null, restart = null;
            var detail = "";
            foreach (var (name, at, d) in _events)
            {
                switch (name)
                {
                    case "GCSuspendEEBegin_V1": suspend = at; suspended = start = end = restart = null; detail = ""; break;
                    case "GCSuspendEEEnd_V1": suspended = at; break;
                    case "GCStart_V2": start ??= at; detail = d + $" start@{at:ss.ffffff}"; break;
                    case "GCMarkWithType": detail += " " + d; break;
                    case "GCEnd_V1": end = at; break;
                    case "GCRestartEEBegin_V1": restart = at; break;
                    case "GCRestartEEEnd_V1" when suspend is { } s && suspended is { } se && restart is { } rb:
                        text.Append(CultureInfo.InvariantCulture,
                            $"\n  {(se - s).TotalMilliseconds:F2} / {((end ?? rb) - (start ?? se)).TotalMilliseconds:F2} / {(at - rb).TotalMilliseconds:F2} (total {(at - s).TotalMilliseconds:F2}) {detail}");
                        suspend = null;
                        break;
                }
            }
        }
        foreach (var (t, c) in _counts.OrderByDescending(p => p.Value).Take(15)) text.Append(CultureInfo.InvariantCulture, $"\n  {c} x {Readable(t)}");
        return text.ToString();
    }

    // A finalized object's type arrives as its method table address; the runtime can name it.
    private static string Readable(string key) =>
        key.StartsWith("finalized ", StringComparison.Ordinal) && ulong.TryParse(key.AsSpan(10), CultureInfo.InvariantCulture, out var mt) ? "finalized " + TypeName(mt) : key;

    private static string TypeName(ulong methodTable)
    {
        try
        {
            return Type.GetTypeFromHandle(RuntimeTypeHandle.FromIntPtr((nint)methodTable))?.FullName ?? "?";
        }
        catch (Exception)
        {
            return "?";
        }
    }

    protected override EventLevel Level => EventLevel.Verbose; // finalizer and allocation events are verbose

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name) return;
        var detail = "";
        if (name.StartsWith("FinalizeObject", StringComparison.Ordinal) || name.StartsWith("GCFinalizeObject", StringComparison.Ordinal))
        {
            var t = "finalized " + (e.Payload is { } fp && e.PayloadNames is { } fn && fn.IndexOf("TypeID") is var ti && ti >= 0 ? (fp[ti] is nint ip ? (ulong)ip : Convert.ToUInt64(fp[ti], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture) : "?");
            lock (_lock) _counts[t] = _counts.GetValueOrDefault(t) + 1;
            return;
        }
        if (name == "GCAllocationTick_V4" && e.Payload is { } ap && e.PayloadNames is { } an && Convert.ToInt32(ap[an.IndexOf("AllocationKind")], CultureInfo.InvariantCulture) == 1)
        {
            var t = "large-object allocation sample (~100 KiB) " + (ap[an.IndexOf("TypeName")] as string ?? "?");
            lock (_lock) _counts[t] = _counts.GetValueOrDefault(t) + 1;
            return;
        }
        if (name == "GCStart_V2" && e.Payload is { } p && e.PayloadNames is { } n)
        {
            detail = string.Create(CultureInfo.InvariantCulture, $"gen{p[n.IndexOf("Depth")]} reason {p[n.IndexOf("Reason")]} type {p[n.IndexOf("Type")]}");
        }
        else if (name == "GCMarkWithType" && e.Payload is { } mp && e.PayloadNames is { } mn)
        {
            detail = string.Create(CultureInfo.InvariantCulture, $"h{mp[mn.IndexOf("HeapNum")]}:t{mp[mn.IndexOf("Type")]}={Convert.ToInt64(mp[mn.IndexOf("Bytes")], CultureInfo.InvariantCulture) / 1024}K@{e.TimeStamp:ss.ffffff}");
        }
        lock (_lock) _events.Add((name, e.TimeStamp, detail));
    }
}
