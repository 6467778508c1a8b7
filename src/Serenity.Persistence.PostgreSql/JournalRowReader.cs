using Npgsql;
using Serenity.Persistence.Journal;

namespace Serenity.Persistence.PostgreSql;

/// <summary>
/// Reads journal rows selected with <see cref="JournalSql"/>'s column list, strictly left to right so
/// that readers opened with <see cref="System.Data.CommandBehavior.SequentialAccess"/> can stream.
/// </summary>
internal static class JournalRowReader
{
    /// <summary>The current row; <paramref name="knownPersistenceId"/> (when the query fixed it) saves reading it.</summary>
    public static JournalRow Read(NpgsqlDataReader reader, string? knownPersistenceId = null) =>
        new(
            knownPersistenceId ?? reader.GetString(0),
            reader.GetInt64(1),
            reader.GetString(2),
            reader.GetFieldValue<byte[]>(3),
            reader.GetFieldValue<string[]>(4),
            reader.GetString(5),
            reader.GetFieldValue<DateTimeOffset>(6))
        {
            Ordering = reader.GetInt64(7),
        };
}
