using System.Diagnostics;
using System.Globalization;

namespace Serenity.Benchmarks;

/// <summary>
/// How fast the machine is right now, printed before each measured order window: on the same shared 2-core machine a
/// fixed Python loop took 455–513 ms in quiet minutes and 768–876 ms in others (and the disk stalled for tens of ms at
/// times), and the order benchmark's p99 followed. A figure is only comparable with one taken at a similar probe.
/// </summary>
internal static class MachineProbe
{
    private const int LoopIterations = 1_000_000_000;
    private const int Fsyncs = 200;

    /// <summary>One line: the fixed loop's time on one thread and the latency of small fsyncs in the temp folder.</summary>
    public static string Describe()
    {
        var loop = Stopwatch.StartNew();
        var x = 1UL;
        for (var i = 0; i < LoopIterations; i++) x = (x * 6364136223846793005UL) + 1442695040888963407UL; // a dependent chain: no vectorising it away
        var loopMs = loop.Elapsed.TotalMilliseconds;
        GC.KeepAlive(x);

        var path = Path.Combine(Path.GetTempPath(), $"serenity-probe-{Environment.ProcessId}");
        var latencies = new double[Fsyncs];
        var block = new byte[4096];
        try
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            file.Write(new byte[block.Length * 16]);
            file.Flush(flushToDisk: true);
            for (var i = 0; i < Fsyncs; i++)
            {
                file.Position = i % 16 * block.Length; // overwrite in place, as a journal's log does once it has its size
                file.Write(block);
                var t = Stopwatch.GetTimestamp();
                file.Flush(flushToDisk: true);
                latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
        }
        finally
        {
            File.Delete(path);
        }
        Array.Sort(latencies);
        return string.Create(CultureInfo.InvariantCulture,
            $"machine probe: fixed loop {loopMs:F0} ms; fsync p50 {latencies[Fsyncs / 2]:F2} ms, p99 {latencies[Fsyncs * 99 / 100]:F2}, max {latencies[^1]:F2}");
    }
}
