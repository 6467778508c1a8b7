using System.Globalization;
using System.Runtime.InteropServices;
using Serenity.Streams;

namespace Serenity.Benchmarks;

/// <summary>
/// The calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID), and the stream islands' busy time measured with
/// it: an island is one serial loop, so its CPU per element is the floor under the time per element
/// however idle the other core is.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    public static TimeSpan Now()
    {
        _ = ClockGettime(ClockThreadCpuTime, out var t);
        return TimeSpan.FromTicks((t.Seconds * 1_000_000_000 + t.Nanoseconds) / 100);
    }

    /// <summary>Measures every island's turns from now on (and forgets islands that ended before).</summary>
    public static void MeasureIslands()
    {
        InterpreterBusyTime.ThreadClock = Now;
        _ = InterpreterBusyTime.TakeFinished();
    }

    /// <summary>Prints "islands NAME: X µs/UNIT per island" for the islands that ended since <see cref="MeasureIslands"/>.</summary>
    public static void ReportIslands(string name, long operations, string unit)
    {
        var islands = InterpreterBusyTime.TakeFinished();
        InterpreterBusyTime.ThreadClock = null;
        var each = string.Join(", ", islands.Select(b => (b.TotalMicroseconds / operations).ToString("F3", CultureInfo.InvariantCulture)));
        Console.Error.WriteLine($"islands {name}: {each} µs/{unit} of interpreter CPU per island");
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGettime(int clock, out Timespec time);
}
