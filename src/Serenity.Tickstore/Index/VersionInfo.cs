using Serenity.Tickstore.Format;

namespace Serenity.Tickstore.Index;

/// <summary>
/// One version of one (kind, symbol, date): visible to reads "as of" any time in
/// [<see cref="RecordedFrom"/>, <see cref="RecordedTo"/>) (open-ended while <see cref="RecordedTo"/> is null).
/// A deletion is a version too (<see cref="Deleted"/>, no file).
/// </summary>
/// <param name="Kind">Bars or quotes.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Date">The UTC trading date the rows fall on.</param>
/// <param name="Version">1, 2, ... per (kind, symbol, date).</param>
/// <param name="RecordedFrom">When the store recorded it (UTC).</param>
/// <param name="RecordedTo">When a later version superseded it (UTC); null while current.</param>
/// <param name="Deleted">Whether this version is a logical deletion.</param>
/// <param name="Path">The data file relative to the store's root (forward slashes); null for a deletion.</param>
/// <param name="RowCount">Rows in the file.</param>
/// <param name="Checksum">The file's CRC-32C.</param>
public sealed record VersionInfo(
    SeriesKind Kind,
    string Symbol,
    DateOnly Date,
    int Version,
    DateTimeOffset RecordedFrom,
    DateTimeOffset? RecordedTo,
    bool Deleted,
    string? Path,
    int RowCount,
    uint Checksum);

/// <summary>One entry of the audit trail: who changed what, when and why.</summary>
/// <param name="RecordedAt">When (UTC).</param>
/// <param name="Action"><c>insert</c>, <c>delete</c> or <c>undelete</c>.</param>
/// <param name="Kind">Bars or quotes.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Date">The date.</param>
/// <param name="Version">The version the action created.</param>
/// <param name="RowCount">Rows visible after the action.</param>
/// <param name="Reason">Free text given by the caller, if any.</param>
public sealed record AuditEntry(DateTimeOffset RecordedAt, string Action, SeriesKind Kind, string Symbol, DateOnly Date, int Version, int RowCount, string? Reason);
