using System.Diagnostics;
using System.Globalization;

namespace Serenity.Benchmarks;

/// <summary>
/// The process's CPU time over a measured phase, printed to stderr next to the wall-clock figure: on a
/// shared, loaded machine wall time mostly measures the neighbours, CPU time per operation much less so.
/// </summary>
internal readonly struct CpuClock
{
    private readonly TimeSpan _start;

    private CpuClock(TimeSpan start) => _start = start;

    public static CpuClock Start() => new(Now());

    public TimeSpan Elapsed => Now() - _start;

    /// <summary>Prints "cpu NAME: X µs/UNIT (Y s)" to stderr.</summary>
    public void Report(string name, long operations, string unit)
    {
        var cpu = Elapsed;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu {name}: {cpu.TotalMicroseconds / operations:F3} µs/{unit} ({cpu.TotalSeconds:F2} s CPU, load {LoadAverage()})"));
    }

    private static TimeSpan Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
