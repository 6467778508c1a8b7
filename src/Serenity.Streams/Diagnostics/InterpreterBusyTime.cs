using System.Collections.Concurrent;

namespace Serenity.Streams;

/// <summary>
/// Measures how busy each island's interpreter is: with <see cref="ThreadClock"/> set, every turn of an
/// interpreter reads that clock (meant to be the running thread's CPU time) before and after, and an island
/// that ends reports its sum through <see cref="TakeFinished"/>. An island is a serial loop, so its busy
/// time per element bounds the rate a graph can reach however many cores it has. Off (null) by default:
/// the benchmarks switch it on; the cost is then two clock reads per turn of up to <c>sync-processing-limit</c> events.
/// </summary>
public static class InterpreterBusyTime
{
    private static readonly ConcurrentQueue<TimeSpan> s_finished = new();

    /// <summary>The clock a turn is measured with (e.g. the calling thread's CPU time); null: not measured.</summary>
    public static Func<TimeSpan>? ThreadClock { get; set; }

    /// <summary>The busy time of each island that has ended since the last call, in the order they ended.</summary>
    public static IReadOnlyList<TimeSpan> TakeFinished()
    {
        var list = new List<TimeSpan>();
        while (s_finished.TryDequeue(out var busy)) list.Add(busy);
        return list;
    }

    internal static void Finished(TimeSpan busy) => s_finished.Enqueue(busy);
}
