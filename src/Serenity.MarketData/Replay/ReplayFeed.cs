using System.Runtime.CompilerServices;

namespace Serenity.MarketData.Replay;

/// <summary>
/// Plays stored events (several time-ordered sources, merged by timestamp) at <see cref="Speed"/> times
/// real time on a clock: the first event goes at once, each later one when as much clock time has passed
/// (divided by the speed) as event time did. Speed 0 or infinity: as fast as the reader takes them.
/// </summary>
public sealed class ReplayFeed : IMarketDataFeed
{
    private readonly IReadOnlyList<Func<IEnumerable<MarketEvent>>> _sources;
    private readonly TimeProvider _clock;

    /// <summary>A replay of <paramref name="sources"/> (each enumerated afresh per read).</summary>
    public ReplayFeed(IReadOnlyList<Func<IEnumerable<MarketEvent>>> sources, double speed = 1.0, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (double.IsNaN(speed) || speed < 0) throw new ArgumentOutOfRangeException(nameof(speed), speed, "0 (as fast as possible) or positive");
        _sources = sources;
        Speed = speed;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>A replay of CSV files (quotes, trades or bars each).</summary>
    public static ReplayFeed FromCsvFiles(IEnumerable<string> paths, double speed = 1.0, TimeProvider? clock = null, Action<string>? onBadRow = null) =>
        new([.. (paths ?? throw new ArgumentNullException(nameof(paths))).Select(p => (Func<IEnumerable<MarketEvent>>)(() => ReadFile(p, onBadRow)))], speed, clock);

    /// <summary>Times real time; 0 or infinity: unpaced.</summary>
    public double Speed { get; }

    /// <inheritdoc />
    public async IAsyncEnumerable<MarketDataMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var paced = Speed > 0 && !double.IsPositiveInfinity(Speed);
        DateTime? firstEvent = null;
        var startClock = _clock.GetUtcNow();
        foreach (var e in Merge())
        {
            cancellationToken.ThrowIfCancellationRequested();
            firstEvent ??= e.Timestamp;
            if (paced)
            {
                var due = startClock + ((e.Timestamp - firstEvent.Value) / Speed);
                var wait = due - _clock.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), _clock, cancellationToken);
            }
            yield return e;
        }
    }

    // k-way merge; ties keep source order.
    private IEnumerable<MarketEvent> Merge()
    {
        var enumerators = _sources.Select(s => s().GetEnumerator()).ToList();
        try
        {
            var heap = new PriorityQueue<int, (DateTime, int)>();
            for (var i = 0; i < enumerators.Count; i++)
            {
                if (enumerators[i].MoveNext()) heap.Enqueue(i, (enumerators[i].Current.Timestamp, i));
            }
            while (heap.TryDequeue(out var i, out _))
            {
                yield return enumerators[i].Current;
                if (enumerators[i].MoveNext()) heap.Enqueue(i, (enumerators[i].Current.Timestamp, i));
            }
        }
        finally
        {
            foreach (var e in enumerators) e.Dispose();
        }
    }

    private static IEnumerable<MarketEvent> ReadFile(string path, Action<string>? onBadRow)
    {
        using var reader = new StreamReader(path);
        var csv = new CsvMarketDataReader(reader, path) { OnBadRow = onBadRow };
        foreach (var e in csv.ReadAll()) yield return e;
    }
}
