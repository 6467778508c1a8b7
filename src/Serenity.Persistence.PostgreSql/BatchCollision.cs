using Serenity.Persistence.Journal;

namespace Serenity.Persistence.PostgreSql;

/// <summary>Finds a (persistence id, sequence nr) that a batch itself carries twice.</summary>
internal static class BatchCollision
{
    /// <summary>The first repeated key of the batch, or null.</summary>
    public static (string PersistenceId, long SequenceNr)? FindDuplicate(IReadOnlyList<IReadOnlyList<JournalRow>> atomicWrites)
    {
        var seen = new HashSet<(string, long)>();
        foreach (var write in atomicWrites)
        {
            foreach (var row in write)
            {
                if (!seen.Add((row.PersistenceId, row.SequenceNr))) return (row.PersistenceId, row.SequenceNr);
            }
        }
        return null;
    }
}
