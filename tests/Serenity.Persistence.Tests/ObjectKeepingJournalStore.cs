using Serenity.Hocon;
using Serenity.Persistence.Journal;

namespace Serenity.Persistence.Tests;

/// <summary>The memory journal declared as keeping event objects: the journal hands it events unserialized.</summary>
public sealed class ObjectKeepingJournalStore : IEventObjectJournalStore
{
    private readonly MemoryJournalStore _inner = new();

    /// <summary>Created by the plugin loader (no settings).</summary>
    public ObjectKeepingJournalStore(Config config) => ArgumentNullException.ThrowIfNull(config);

    /// <summary>Creates an empty journal.</summary>
    public ObjectKeepingJournalStore()
    {
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _inner.InitializeAsync(cancellationToken);

    public Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites, CancellationToken cancellationToken) => _inner.WriteAsync(atomicWrites, cancellationToken);

    public Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalRow> onRow, CancellationToken cancellationToken) =>
        _inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, onRow, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken) => _inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) => _inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    public Task<IReadOnlyList<JournalRow>> ReadTaggedAsync(string tag, long afterOrdering, int max, CancellationToken cancellationToken) => _inner.ReadTaggedAsync(tag, afterOrdering, max, cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
