namespace Serenity.Persistence;

/// <summary>How far a persisted event has gone when its handler runs.</summary>
public enum WriteDurability
{
    /// <summary>On disk (synced or flushed) before the handler runs: it survives a power loss. The default.</summary>
    Synced,

    /// <summary>
    /// In the journal before the handler runs (readable, and it survives a crash of this process), and on disk no later
    /// than the journal's next synced write. A power loss before that loses it and the writes after it, never a write
    /// before it: the journal keeps a prefix of its writes in order. For an event a protocol can re-create if it is lost,
    /// e.g. a portfolio's applied fill, which the account re-sends until a confirmation journaled after it says otherwise;
    /// it saves a disk sync per write. The prefix holds within one journal (one SQLite file, one PostgreSQL server).
    /// </summary>
    Deferred,
}
