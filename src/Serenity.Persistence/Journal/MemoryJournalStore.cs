using Serenity.Hocon;

namespace Serenity.Persistence.Journal;

/// <summary>A journal in process memory: for tests and simulations; gone when the process ends.</summary>
public sealed class MemoryJournalStore : IJournalStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SortedList<long, JournalRow>> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);
    private readonly List<JournalRow> _all = [];
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
    public Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken)
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
            foreach (var row in rows)
            {
                var stored = row with { Ordering = ++_ordering };
                if (!_byId.TryGetValue(row.PersistenceId, out var list)) _byId[row.PersistenceId] = list = [];
                list.Add(row.SequenceNr, stored);
                _all.Add(stored);
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
}
