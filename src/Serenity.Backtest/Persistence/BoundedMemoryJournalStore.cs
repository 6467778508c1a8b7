using Serenity.Hocon;
using Serenity.Persistence.Journal;

namespace Serenity.Backtest.Persistence;

/// <summary>
/// The backtest's journal: in memory like the <c>memory</c> plugin, but it keeps only the newest <c>keep-events</c>
/// events per persistence id (and every tagged event), so a year of minute bars does not pile up a million ticker events.
/// Recovery needs only the events after an entity's newest snapshot (in a backtest entities snapshot every
/// <c>snapshot-every</c> = 1,000 events, below the 2,000 <see cref="BacktestConfig"/> keeps); a replay that would need a dropped event fails
/// loudly instead of recovering a wrong state. Sequence numbers, collisions and tag queries behave as in the memory plugin.
/// It keeps the events as objects (<see cref="IEventObjectJournalStore"/>): nothing is serialized, as nothing leaves the run.
/// </summary>
public sealed class BoundedMemoryJournalStore : IEventObjectJournalStore
{
    private readonly object _gate = new();
    private readonly int _keep;
    private readonly Dictionary<string, PerId> _byId = new(StringComparer.Ordinal);
    private readonly List<Kept> _tagged = [];
    private readonly HashSet<(string, long)> _seen = []; // one write's rows, reused (guarded by _gate)
    private long _ordering;

    /// <summary>Created by the plugin loader with its config section (<c>keep-events</c>, default 10000).</summary>
    public BoundedMemoryJournalStore(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _keep = Math.Max(1, config.GetInt("keep-events", 10_000));
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(atomicWrites);
        lock (_gate)
        {
            _seen.Clear();
            // Indexed loops: a foreach over the interfaces would allocate an enumerator per list, per write.
            for (var w = 0; w < atomicWrites.Count; w++)
            {
                var write = atomicWrites[w];
                for (var r = 0; r < write.Count; r++)
                {
                    var row = write[r];
                    var highest = _byId.TryGetValue(row.PersistenceId, out var id) ? id.Highest : 0;
                    if (row.SequenceNr <= highest || !_seen.Add((row.PersistenceId, row.SequenceNr)))
                        return Task.FromException(new JournalCollisionException($"{row.PersistenceId} already has sequence number {row.SequenceNr}"));
                }
            }
            for (var w = 0; w < atomicWrites.Count; w++)
            {
                var write = atomicWrites[w];
                for (var r = 0; r < write.Count; r++)
                {
                    var row = write[r];
                    var stored = new Kept(row, ++_ordering);
                    if (!_byId.TryGetValue(row.PersistenceId, out var id)) _byId[row.PersistenceId] = id = new PerId();
                    id.Rows.Enqueue(stored);
                    id.Highest = Math.Max(id.Highest, row.SequenceNr);
                    while (id.Rows.Count > _keep) id.Dropped = id.Rows.Dequeue().Row.SequenceNr;
                    if (row.Tags.Count > 0) _tagged.Add(stored);
                }
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalRow> onRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onRow);
        List<JournalRow> rows;
        lock (_gate)
        {
            if (!_byId.TryGetValue(persistenceId, out var id)) return Task.CompletedTask;
            if (fromSequenceNr <= id.Dropped && toSequenceNr > id.Deleted && id.Dropped > id.Deleted)
            {
                return Task.FromException(new InvalidOperationException(
                    $"backtest journal: {persistenceId} needs events from {fromSequenceNr} but events up to {id.Dropped} were dropped (keep-events = {_keep})"));
            }
            rows = [.. id.Rows.Where(k => k.Row.SequenceNr >= fromSequenceNr && k.Row.SequenceNr <= toSequenceNr && k.Row.SequenceNr > id.Deleted)
                .Take((int)Math.Min(max, int.MaxValue)).Select(k => k.Stored)];
        }
        foreach (var row in rows) onRow(row);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_byId.TryGetValue(persistenceId, out var id) ? id.Highest : 0L);
    }

    /// <inheritdoc />
    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(persistenceId, out var id))
            {
                id.Deleted = Math.Max(id.Deleted, toSequenceNr);
                while (id.Rows.Count > 0 && id.Rows.Peek().Row.SequenceNr <= id.Deleted) id.Rows.Dequeue();
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalRow>> ReadTaggedAsync(string tag, long afterOrdering, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<JournalRow> rows = [.. _tagged.Where(k => k.Ordering > afterOrdering && k.Row.Tags.Contains(tag)).Take(max).Select(k => k.Stored)];
            return Task.FromResult(rows);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// A written row and the ordering it got: the row as stored (with its ordering) is made only when read, which a run
    /// rarely does, instead of a copy of every row written.
    /// </summary>
    private readonly record struct Kept(JournalRow Row, long Ordering)
    {
        public JournalRow Stored => Row with { Ordering = Ordering };
    }

    private sealed class PerId
    {
        public Queue<Kept> Rows { get; } = new();

        public long Highest { get; set; }

        public long Dropped { get; set; }

        public long Deleted { get; set; }
    }
}
