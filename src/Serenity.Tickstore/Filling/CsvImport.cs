using Serenity.MarketData;
using Serenity.MarketData.Replay;

namespace Serenity.Tickstore.Filling;

/// <summary>The outcome of an import.</summary>
/// <param name="Bars">Bars stored.</param>
/// <param name="Quotes">Quotes stored.</param>
/// <param name="Days">Day versions written.</param>
/// <param name="BadRows">Rows skipped as unreadable.</param>
/// <param name="Skipped">Readable rows of a kind the store does not keep (trades).</param>
public sealed record ImportSummary(long Bars, long Quotes, int Days, long BadRows, long Skipped);

/// <summary>
/// Imports a CSV file of bars or quotes (the replay layouts of <see cref="CsvFormat"/>). The file is grouped by
/// symbol and UTC date; each day becomes a new version, replacing the stored day or, with append, merged into it.
/// Days are written <c>daysPerTransaction</c> at a time.
/// </summary>
public static class CsvImport
{
    /// <summary>Imports <paramref name="reader"/>; reports (days written, days in all) after every transaction.</summary>
    public static ImportSummary Import(TickStore store, TextReader reader, string source, bool append = false,
        IProgress<(int Done, int Total)>? progress = null, int daysPerTransaction = 100)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reader);
        var csv = new CsvMarketDataReader(reader, source);
        var bars = new List<Bar>();
        var quotes = new List<Quote>();
        long skipped = 0;
        foreach (var e in csv.ReadAll())
        {
            switch (e)
            {
                case Bar b:
                    bars.Add(b);
                    break;
                case Quote q:
                    quotes.Add(q);
                    break;
                default:
                    skipped++;
                    break;
            }
        }
        var barDays = bars.GroupBy(DayKey).ToList();
        var quoteDays = quotes.GroupBy(DayKey).ToList();
        var total = barDays.Count + quoteDays.Count;
        var written = 0;
        foreach (var chunk in barDays.Chunk(daysPerTransaction))
        {
            var rows = chunk.SelectMany(g => g);
            written += (append ? store.Append(rows, $"import {source}") : store.InsertDays(rows, $"import {source}")).Count;
            progress?.Report((written, total));
        }
        foreach (var chunk in quoteDays.Chunk(daysPerTransaction))
        {
            var rows = chunk.SelectMany(g => g);
            written += (append ? store.Append(rows, $"import {source}") : store.InsertDays(rows, $"import {source}")).Count;
            progress?.Report((written, total));
        }
        return new ImportSummary(bars.Count, quotes.Count, written, csv.BadRows, skipped);
    }

    private static (string, DateOnly) DayKey(MarketEvent e) => (e.Symbol, DateOnly.FromDateTime(e.Timestamp.ToUniversalTime()));
}
