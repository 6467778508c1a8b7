using System.Text;
using Serenity.Persistence.Journal;

namespace Serenity.Persistence.PostgreSql.Tests;

/// <summary>Journal rows for store-level tests.</summary>
internal static class Rows
{
    /// <summary>A fixed creation time with microsecond precision (what timestamptz keeps).</summary>
    public static readonly DateTimeOffset Created = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    /// <summary>A row whose payload spells its id and sequence nr.</summary>
    public static JournalRow Event(string persistenceId, long sequenceNr, params string[] tags) =>
        new(persistenceId, sequenceNr, "test-event.v1", Encoding.UTF8.GetBytes($"{persistenceId}#{sequenceNr}"), tags, "writer-1", Created.AddTicks(sequenceNr * 10));

    /// <summary>One atomic write per sequence nr in [from, to].</summary>
    public static IReadOnlyList<IReadOnlyList<JournalRow>> Singles(string persistenceId, long from, long to, params string[] tags) =>
        [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(s => (IReadOnlyList<JournalRow>)[Event(persistenceId, s, tags)])];

    /// <summary>The payload as text.</summary>
    public static string Text(JournalRow row) => Encoding.UTF8.GetString(row.Payload);
}
