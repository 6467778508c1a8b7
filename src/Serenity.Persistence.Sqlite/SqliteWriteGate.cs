using System.Collections.Concurrent;

namespace Serenity.Persistence.Sqlite;

/// <summary>
/// One lock per database file for the writers of this process (the journal's batches, snapshot saves and deletes),
/// so they take turns here instead of in SQLite's busy handler, which sleeps and retries (1, 2, 5, 10 ... ms):
/// measured, a burst of snapshot saves beside the journal stalled every order for about a second. Other processes
/// on the same file still meet the busy handler.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, object> s_gates = new(StringComparer.Ordinal);

    /// <summary>The lock of the file at <paramref name="absolutePath"/>.</summary>
    public static object For(string absolutePath) => s_gates.GetOrAdd(absolutePath, static _ => new object());
}
