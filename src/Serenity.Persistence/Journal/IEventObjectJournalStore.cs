namespace Serenity.Persistence.Journal;

/// <summary>
/// A journal store that never leaves the process (the backtest's in-memory journal). The journal hands it each event as
/// the object itself (<see cref="JournalRow.Event"/>, with an empty payload) instead of its JSON and reads it back as is,
/// so only immutable events may be persisted with it (every event type of Serenity is an immutable record). An event
/// type without a registered manifest is still rejected, as with any store. While nothing is queued for it, the journal
/// writes on the persistent actor's own thread (the store answers at once), so an answer wakes no other thread.
/// </summary>
public interface IEventObjectJournalStore : IJournalStore;
