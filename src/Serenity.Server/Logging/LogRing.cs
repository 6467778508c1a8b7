using System.Threading.Channels;
using Serenity.Actors;

namespace Serenity.Server.Logging;

/// <summary>
/// A bounded in-memory ring of a node's most recent log lines (oldest dropped first), and live subscriptions for
/// <c>log tail</c>. Thread-safe. One per actor system: <see cref="For"/>.
/// </summary>
public sealed class LogRing
{
    /// <summary>Lines kept when the system's config does not say (<c>serenity.cmd.log-buffer</c>).</summary>
    public const int DefaultCapacity = 1000;

    private readonly object _gate = new();
    private readonly LogLine[] _lines;
    private readonly List<Channel<LogLine>> _subscribers = [];
    private long _next = 1;
    private int _start;
    private int _count;

    /// <summary>Creates a ring of <paramref name="capacity"/> lines.</summary>
    public LogRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _lines = new LogLine[capacity];
    }

    /// <summary>Lines the ring keeps.</summary>
    public int Capacity => _lines.Length;

    /// <summary>Raised with the new count whenever a follower subscribes or leaves.</summary>
    public event Action<int>? SubscribersChanged;

    /// <summary>Live subscriptions now.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate) return _subscribers.Count;
        }
    }

    /// <summary>
    /// The ring of <paramref name="system"/>, created on first use and fed from its event stream (every published
    /// <see cref="LogEvent"/>, synchronously, so a line is in the ring when <c>Log(...)</c> returns).
    /// </summary>
    public static LogRing For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(s =>
        {
            var capacity = s.Settings.Config.GetInt("serenity.cmd.log-buffer", DefaultCapacity);
            var ring = new LogRing(Math.Max(1, capacity));
            s.EventStream.Subscribe(new LogRingSink(ring, s.Name), typeof(LogEvent));
            return ring;
        });
    }

    /// <summary>Adds a line; returns it with its sequence number.</summary>
    public LogLine Add(DateTimeOffset timestamp, string level, string source, string message)
    {
        LogLine line;
        Channel<LogLine>[] subscribers;
        lock (_gate)
        {
            line = new LogLine(_next++, timestamp, level, source, message);
            _lines[(_start + _count) % _lines.Length] = line;
            if (_count < _lines.Length) _count++;
            else _start = (_start + 1) % _lines.Length;
            subscribers = [.. _subscribers];
        }
        foreach (var subscriber in subscribers) subscriber.Writer.TryWrite(line);
        return line;
    }

    /// <summary>The newest <paramref name="count"/> lines at <paramref name="minimumLevel"/> or above, oldest first.</summary>
    public IReadOnlyList<LogLine> Peek(int count, string minimumLevel = "debug")
    {
        lock (_gate)
        {
            var result = new List<LogLine>();
            for (var i = _count - 1; i >= 0 && result.Count < count; i--)
            {
                var line = _lines[(_start + i) % _lines.Length];
                if (line.AtLeast(minimumLevel)) result.Add(line);
            }
            result.Reverse();
            return result;
        }
    }

    /// <summary>
    /// The newest <paramref name="backlog"/> lines, then every new line, until <paramref name="cancellationToken"/>
    /// is cancelled (the sequence then ends without an exception). A subscriber that falls behind by more than the
    /// ring's capacity loses the oldest lines it has not read.
    /// </summary>
    public async IAsyncEnumerable<LogLine> FollowAsync(int backlog, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(_lines.Length) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        IReadOnlyList<LogLine> recent;
        lock (_gate)
        {
            _subscribers.Add(channel);
            recent = Peek(backlog);
        }
        SubscribersChanged?.Invoke(SubscriberCount);
        try
        {
            var last = 0L;
            foreach (var line in recent)
            {
                last = line.Seq;
                yield return line;
            }
            while (true)
            {
                LogLine line;
                try
                {
                    if (!await channel.Reader.WaitToReadAsync(cancellationToken)) yield break;
                    if (!channel.Reader.TryRead(out line!)) continue;
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
                if (line.Seq > last) yield return line;
            }
        }
        finally
        {
            lock (_gate) _subscribers.Remove(channel);
            SubscribersChanged?.Invoke(SubscriberCount);
        }
    }
}
