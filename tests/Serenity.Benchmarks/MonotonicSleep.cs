using System.Runtime.InteropServices;

namespace Serenity.Benchmarks;

/// <summary>Sleeps until a Stopwatch timestamp (CLOCK_MONOTONIC on Linux) with the kernel's precision.</summary>
internal static partial class MonotonicSleep
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsoluteTime = 1;

    public static void Until(long stopwatchTimestamp)
    {
        var ns = (long)(stopwatchTimestamp * (1_000_000_000.0 / System.Diagnostics.Stopwatch.Frequency));
        var target = new Timespec { Seconds = ns / 1_000_000_000, Nanoseconds = ns % 1_000_000_000 };
        while (ClockNanosleep(ClockMonotonic, TimerAbsoluteTime, in target, IntPtr.Zero) == 4) { } // EINTR: sleep again
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, in Timespec request, IntPtr remain);
}
