using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

namespace Serenity.Benchmarks;

/// <summary>
/// Diagnostic only (<c>SERENITY_BENCH_EPISODES=1</c>): what the slow orders of an open-loop window (over 5 ms) had in
/// common. Orders whose [due, answered] intervals overlap form an episode; per episode it prints when it began in the
/// window, how many orders were slow, the slowest, how late the pacer thread woke for its orders (late means the process
/// did not run: a GC suspension, both cores busy, or the host), and the GC pauses (SuspendEE..RestartEE, from the
/// runtime's events) that fell in or just before it.
/// </summary>
internal sealed class SlowOrderEpisodes : RuntimeGcEventListener
{
    public const string Variable = "SERENITY_BENCH_EPISODES";
    private const double SlowMs = 5;
    private const int Shown = 12;
    private readonly object _lock = new();
    private readonly List<(long Begin, long End)> _pauses = [];
    private readonly DateTime _anchorTime = DateTime.UtcNow;
    private readonly long _anchorTicks = Stopwatch.GetTimestamp();
    private long? _suspendBegin;

    public static SlowOrderEpisodes? StartIfAsked() => Environment.GetEnvironmentVariable(Variable) == "1" ? new SlowOrderEpisodes() : null;

    protected override EventLevel Level => EventLevel.Informational;

    /// <summary>The report for orders due at <paramref name="due"/> (Stopwatch timestamps), with their latencies and the pacer's lateness in ms.</summary>
    public string Stop(long[] due, double[] latencyMs, double[] pacerLateMs)
    {
        Dispose();
        List<(long Begin, long End)> pauses;
        lock (_lock) pauses = [.. _pauses];
        var slow = Enumerable.Range(0, due.Length).Where(i => latencyMs[i] > SlowMs).OrderBy(i => due[i]).ToList();
        var episodes = new List<List<int>>();
        long episodeEnd = long.MinValue;
        foreach (var i in slow)
        {
            if (due[i] > episodeEnd) episodes.Add([]);
            episodes[^1].Add(i);
            episodeEnd = Math.Max(episodeEnd, due[i] + Ticks(latencyMs[i]));
        }
        var start = due.Length > 0 ? due[0] : 0;
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"slow-order episodes: {slow.Count} orders over {SlowMs} ms in {episodes.Count} episodes; {pauses.Count} GC pauses in the window, {pauses.Sum(p => Ms(p.End - p.Begin)):F1} ms"));
        foreach (var episode in episodes.OrderByDescending(e => e.Count).Take(Shown).OrderBy(e => due[e[0]]))
        {
            var from = due[episode[0]];
            var to = episode.Max(i => due[i] + Ticks(latencyMs[i]));
            var near = pauses.Where(p => p.End >= from - Ticks(30) && p.Begin <= to).Select(p => $"{Ms(p.End - p.Begin):F1}@{Ms(p.Begin - from):+0.0;-0.0}");
            text.Append(CultureInfo.InvariantCulture,
                $"\n  at {Ms(from - start),7:F0} ms ({WallClock(from):HH:mm:ss.fff}): {episode.Count,4} slow, max {episode.Max(i => latencyMs[i]),7:F1} ms, span {Ms(to - from),6:F1} ms, pacer late max {episode.Max(i => pacerLateMs[i]),6:F1} ms; GC pauses ms@offset: {string.Join(' ', near)}");
        }
        return text.ToString();
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        switch (e.EventName)
        {
            case "GCSuspendEEBegin_V1":
                _suspendBegin = TicksOf(e.TimeStamp);
                break;
            case "GCRestartEEEnd_V1" when _suspendBegin is { } begin:
                lock (_lock) _pauses.Add((begin, TicksOf(e.TimeStamp)));
                _suspendBegin = null;
                break;
        }
    }

    private long TicksOf(DateTime at) => _anchorTicks + Ticks((at.ToUniversalTime() - _anchorTime).TotalMilliseconds);

    private DateTime WallClock(long ticks) => _anchorTime.AddMilliseconds(Ms(ticks - _anchorTicks));

    private static long Ticks(double ms) => (long)(ms * Stopwatch.Frequency / 1000);

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
