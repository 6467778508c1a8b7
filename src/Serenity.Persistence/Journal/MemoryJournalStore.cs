using Serenity.Hocon;

namespace Serenity.Persistence.Journal;

/// <summary>
/// A journal in process memory: for tests and simulations; gone when the process ends. It models what a disk store does
/// with deferred writes (<see cref="WriteDurability.Deferred"/>): <see cref="SimulatePowerLoss"/> drops the ones no synced
/// write has followed yet.
/// </summary>
public sealed class MemoryJournalStore : IJournalStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SortedList<long, JournalRow>> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);
    private readonly List<JournalRow> _all = [];
    private readonly List<JournalRow> _unsynced = []; // deferred rows since the last synced write, oldest first
    private readonly Dictionary<string, long> _highestBeforeUnsynced = new(StringComparer.Ordinal);
    private long _ordering;

    /// <summary>Created by the plugin loader with its config section (unused).</summary>
    public MemoryJournalStore(Config config)
    {
    }

    /// <summary>Creates an empty journal.</summary>
    public MemoryJournalStore()
    {
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken) =>
        Write(atomicWrites, deferred: false);

    /// <inheritdoc />
    public Task WriteDeferredAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken) =>
        Write(atomicWrites, deferred: true);

    /// <summary>
    /// Drops the rows of deferred writes that no synced write (or delete) has followed, as a power loss would on a disk
    /// store, and sets each id's highest sequence number back to what it was before them. Returns how many rows it dropped.
    /// </summary>
    public int SimulatePowerLoss()
    {
        lock (_gate)
        {
            foreach (var row in _unsynced)
            {
                _byId[row.PersistenceId].Remove(row.SequenceNr);
                _all.Remove(row);
            }
            foreach (var (id, highest) in _highestBeforeUnsynced) _highest[id] = highest;
            var lost = _unsynced.Count;
            MarkSynced();
            return lost;
        }
    }

    private Task Write(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, bool deferred)
    {
        ArgumentNullException.ThrowIfNull(atomicWrites);
        lock (_gate)
        {
            var rows = atomicWrites.SelectMany(w => w).ToList();
            var seen = new HashSet<(string, long)>();
            foreach (var row in rows)
            {
                if (!seen.Add((row.PersistenceId, row.SequenceNr))
                    || (_byId.TryGetValue(row.PersistenceId, out var existing) && existing.ContainsKey(row.SequenceNr)))
                {
                    throw new JournalCollisionException($"persistence id '{row.PersistenceId}' already has sequence nr {row.SequenceNr}: another writer owns it");
                }
            }
            if (!deferred && rows.Count > 0) MarkSynced(); // what came before is on disk once a synced write commits something
            foreach (var row in rows)
            {
                var stored = row with { Ordering = ++_ordering };
                if (!_byId.TryGetValue(row.PersistenceId, out var list)) _byId[row.PersistenceId] = list = [];
                list.Add(row.SequenceNr, stored);
                _all.Add(stored);
                if (deferred)
                {
                    _highestBeforeUnsynced.TryAdd(row.PersistenceId, _highest.GetValueOrDefault(row.PersistenceId));
                    _unsynced.Add(stored);
                }
                _highest[row.PersistenceId] = Math.Max(_highest.GetValueOrDefault(row.PersistenceId), row.SequenceNr);
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
            rows = _byId.TryGetValue(persistenceId, out var list)
                ? list.Values.Where(r => r.SequenceNr >= fromSequenceNr && r.SequenceNr <= toSequenceNr).Take((int)Math.Min(max, int.MaxValue)).ToList()
                : [];
        }
        foreach (var row in rows) onRow(row);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_highest.GetValueOrDefault(persistenceId));
    }

    /// <inheritdoc />
    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            MarkSynced(); // a delete is a synced write
            if (_byId.TryGetValue(persistenceId, out var list))
            {
                foreach (var seq in list.Keys.Where(k => k <= toSequenceNr).ToList()) list.Remove(seq);
                _all.RemoveAll(r => r.PersistenceId == persistenceId && r.SequenceNr <= toSequenceNr);
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalRow>> ReadTaggedAsync(string tag, long afterOrdering, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<JournalRow> rows = _all.Where(r => r.Ordering > afterOrdering && r.Tags.Contains(tag)).Take(max).ToList();
            return Task.FromResult(rows);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void MarkSynced()
    {
        _unsynced.Clear();
        _highestBeforeUnsynced.Clear();
    }
}
