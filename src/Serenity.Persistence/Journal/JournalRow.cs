namespace Serenity.Persistence.Journal;

/// <summary>
/// One stored event, as a journal plugin keeps it: (persistence id, sequence nr) is unique; the store
/// assigns <see cref="Ordering"/>, a global, increasing position used by tag queries.
/// </summary>
public sealed record JournalRow(
    string PersistenceId,
    long SequenceNr,
    string Manifest,
    byte[] Payload,
    IReadOnlyList<string> Tags,
    string WriterId,
    DateTimeOffset Created)
{
    /// <summary>Global position assigned by the store on write (0 before).</summary>
    public long Ordering { get; init; }

    /// <summary>
    /// The event itself, for a store that keeps objects (<see cref="IEventObjectJournalStore"/>; <see cref="Payload"/> is
    /// then empty); null for every store that keeps bytes.
    /// </summary>
    public object? Event { get; init; }
}
