using System.Buffers.Binary;
using Serenity.Tickstore.Format;
using Serenity.Tickstore.Index;
using Serenity.Tickstore.Series;

namespace Serenity.Tickstore;

/// <summary>The write path: file first (temp, fsync, rename), then the index rows in one transaction.</summary>
public sealed partial class TickStore
{
    private List<VersionInfo> Write<T>(ISeriesFormat<T> format, IReadOnlyList<(string Symbol, DateOnly Date, T Rows)> days, bool merge, string? reason)
        where T : class
    {
        foreach (var (symbol, date, rows) in days)
        {
            StorePaths.Validate(symbol);
            foreach (var ticks in format.Timestamps(rows))
            {
                if (DateOnly.FromDateTime(new DateTime(ticks, DateTimeKind.Utc)) != date)
                {
                    throw new ArgumentException($"a row of {symbol} at {new DateTime(ticks, DateTimeKind.Utc):O} is not on {date:yyyy-MM-dd}", nameof(days));
                }
            }
        }
        var result = new List<VersionInfo>(days.Count);
        if (days.Count == 0) return result;
        lock (_writeLock)
        {
            var writer = _index.Writer;
            var written = new List<string>();
            using var tx = writer.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock, across processes
            try
            {
                var now = _clock.GetUtcNow().UtcTicks;
                foreach (var (symbol, date, incoming) in days)
                {
                    var latest = TickIndex.Latest(writer, tx, format.Kind, symbol, date);
                    var rows = merge && latest is { Deleted: false, Path: not null } ? format.Merge(ReadWhole(format, latest), incoming) : incoming;
                    var version = (latest?.Version ?? 0) + 1;
                    var at = Math.Max(now, latest?.RecordedFrom.UtcTicks ?? 0);
                    var relative = StorePaths.Relative(format.Kind, symbol, date, version);
                    var full = StorePaths.Full(Root, relative);
                    var bytes = format.Encode(rows);
                    DurableFile.Write(full, bytes);
                    written.Add(full);
                    _afterRename?.Invoke(full);
                    var info = new VersionInfo(format.Kind, symbol, date, version, new DateTimeOffset(at, TimeSpan.Zero), null, false, relative,
                        format.Count(rows), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - TickFileLayout.TrailerSize)));
                    TickIndex.Supersede(writer, tx, info, "insert", reason);
                    result.Add(info);
                }
                tx.Commit();
            }
            catch
            {
                foreach (var file in written) DurableFile.TryDelete(file); // never indexed
                throw;
            }
        }
        return result;
    }

    private VersionInfo Mark(string symbol, DateOnly date, SeriesKind kind, string? reason, bool undelete)
    {
        StorePaths.Validate(symbol);
        lock (_writeLock)
        {
            var writer = _index.Writer;
            using var tx = writer.BeginTransaction(deferred: false);
            var latest = TickIndex.Latest(writer, tx, kind, symbol, date)
                ?? throw new InvalidOperationException($"nothing is stored for {symbol} {kind.ToString().ToLowerInvariant()} on {date:yyyy-MM-dd}");
            if (latest.Deleted != undelete)
            {
                throw new InvalidOperationException($"{symbol} {date:yyyy-MM-dd} is {(undelete ? "not deleted" : "already deleted")}");
            }
            var at = new DateTimeOffset(Math.Max(_clock.GetUtcNow().UtcTicks, latest.RecordedFrom.UtcTicks), TimeSpan.Zero);
            VersionInfo next;
            if (undelete)
            {
                var restored = TickIndex.Latest(writer, tx, kind, symbol, date, withFile: true)
                    ?? throw new InvalidOperationException($"{symbol} {date:yyyy-MM-dd} has no version with data to restore");
                next = restored with { Version = latest.Version + 1, RecordedFrom = at, RecordedTo = null };
            }
            else
            {
                next = new VersionInfo(kind, symbol, date, latest.Version + 1, at, null, true, null, 0, 0);
            }
            TickIndex.Supersede(writer, tx, next, undelete ? "undelete" : "delete", reason);
            tx.Commit();
            return next;
        }
    }
}
