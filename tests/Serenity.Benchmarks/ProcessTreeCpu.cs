using System.Diagnostics;
using System.Globalization;

namespace Serenity.Benchmarks;

/// <summary>
/// CPU time of this process and of every process it started (directly or not), by command name (Linux /proc), so a
/// benchmark can say where its time went: this process, the RabbitMQ broker (beam.smp), PostgreSQL, ...
/// </summary>
internal sealed class ProcessTreeCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    private ProcessTreeCpu(IReadOnlyDictionary<string, TimeSpan> byName) => ByName = byName;

    /// <summary>CPU time by command name ("self" is this process).</summary>
    public IReadOnlyDictionary<string, TimeSpan> ByName { get; }

    /// <summary>Reads the tree now (empty but this process where /proc is missing).</summary>
    public static ProcessTreeCpu Now()
    {
        var byName = new Dictionary<string, TimeSpan>(StringComparer.Ordinal) { ["self"] = Process.GetCurrentProcess().TotalProcessorTime };
        if (!Directory.Exists("/proc")) return new ProcessTreeCpu(byName);
        var stats = new Dictionary<int, (int Parent, string Name, TimeSpan Cpu)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var text = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = text.LastIndexOf(')');
                var name = text[(text.IndexOf('(') + 1)..close];
                var fields = text[(close + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                stats[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture), name, TimeSpan.FromSeconds(ticks / TicksPerSecond));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended meanwhile.
            }
        }
        var self = Environment.ProcessId;
        foreach (var (pid, (_, name, cpu)) in stats)
        {
            if (pid != self && DescendsFrom(pid, self, stats)) byName[name] = byName.GetValueOrDefault(name) + cpu;
        }
        return new ProcessTreeCpu(byName);
    }

    /// <summary>"name 1.23 s, ..." of the CPU used since <paramref name="before"/>, largest first.</summary>
    public string Since(ProcessTreeCpu before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return string.Join(", ", ByName.Select(kv => (kv.Key, Used: kv.Value - before.ByName.GetValueOrDefault(kv.Key)))
            .Where(x => x.Used > TimeSpan.FromMilliseconds(10)).OrderByDescending(x => x.Used)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Key} {x.Used.TotalSeconds:0.00} s")));
    }

    private static bool DescendsFrom(int pid, int ancestor, Dictionary<int, (int Parent, string Name, TimeSpan Cpu)> stats)
    {
        for (var p = pid; stats.TryGetValue(p, out var s) && s.Parent > 1; p = s.Parent)
        {
            if (s.Parent == ancestor) return true;
        }
        return false;
    }
}
