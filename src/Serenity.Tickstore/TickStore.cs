using Serenity.MarketData;
using Serenity.Tickstore.Format;
using Serenity.Tickstore.Index;
using Serenity.Tickstore.Series;

namespace Serenity.Tickstore;

/// <summary>
/// The bitemporal tick store: per (kind, symbol, UTC date) a chain of immutable versions, each a columnar
/// file under <c>YYYY/MM/DD/</c> plus a row in the SQLite index. Nothing is updated in place: an insert is a new
/// version that closes the previous one's recorded interval, a delete is a version without a file, and any
/// read can ask for the store "as of" an earlier recorded time. Thread-safe; writers in other processes are
/// serialized by the index's write lock.
/// </summary>
public sealed partial class TickStore : IDisposable
{
    private readonly object _writeLock = new();
    private readonly TickIndex _index;
    private readonly TimeProvider _clock;
    private readonly Action<string>? _afterRename;

    /// <summary>Opens (creating if missing) the store at <see cref="TickStoreOptions.Root"/>.</summary>
    public TickStore(TickStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Root = Path.GetFullPath(options.Root);
        Directory.CreateDirectory(Root);
        _clock = options.Clock;
        _afterRename = options.AfterFileRenamed;
        _index = new TickIndex(Path.Combine(Root, StorePaths.IndexFile));
    }

    /// <summary>Opens the store at <paramref name="root"/>.</summary>
    public static TickStore Open(string root, TimeProvider? clock = null) => new(new TickStoreOptions { Root = root, Clock = clock ?? TimeProvider.System });

    /// <summary>The absolute root folder.</summary>
    public string Root { get; }

    /// <summary>Stores <paramref name="rows"/> as the new version of (symbol, date); every bar must fall on that UTC date.</summary>
    public VersionInfo Insert(string symbol, DateOnly date, IEnumerable<Bar> rows, string? reason = null) =>
        Write(BarFormat.Instance, [(symbol, date, BarSeries.From(symbol, rows))], merge: false, reason)[0];

    /// <summary>Stores <paramref name="rows"/> as the new version of the quotes of (symbol, date).</summary>
    public VersionInfo Insert(string symbol, DateOnly date, IEnumerable<Quote> rows, string? reason = null) =>
        Write(QuoteFormat.Instance, [(symbol, date, QuoteSeries.From(symbol, rows))], merge: false, reason)[0];

    /// <summary>
    /// Groups <paramref name="bars"/> by symbol and UTC date and stores each group as a new version that replaces its
    /// day, all in one transaction (a download or import chunk).
    /// </summary>
    public IReadOnlyList<VersionInfo> InsertDays(IEnumerable<Bar> bars, string? reason = null) =>
        Write(BarFormat.Instance, Days(bars, (s, g) => BarSeries.From(s, g)), merge: false, reason);

    /// <summary>Groups quotes by symbol and date; each group replaces its day, in one transaction.</summary>
    public IReadOnlyList<VersionInfo> InsertDays(IEnumerable<Quote> quotes, string? reason = null) =>
        Write(QuoteFormat.Instance, Days(quotes, (s, g) => QuoteSeries.From(s, g)), merge: false, reason);

    /// <summary>
    /// Adds bars to their stored days (a new bar replaces a stored one with the same start); each touched day gets a
    /// new version, all in one transaction. The live graph's minute bars arrive this way.
    /// </summary>
    public IReadOnlyList<VersionInfo> Append(IEnumerable<Bar> bars, string? reason = null) =>
        Write(BarFormat.Instance, Days(bars, (s, g) => BarSeries.From(s, g)), merge: true, reason);

    /// <summary>Adds quotes to their stored days (kept in time order); a new version per touched day.</summary>
    public IReadOnlyList<VersionInfo> Append(IEnumerable<Quote> quotes, string? reason = null) =>
        Write(QuoteFormat.Instance, Days(quotes, (s, g) => QuoteSeries.From(s, g)), merge: true, reason);

    /// <summary>Logically deletes (symbol, date): a new version without data, with an audit row. Throws when nothing is stored or it is already deleted.</summary>
    public VersionInfo Delete(string symbol, DateOnly date, SeriesKind kind = SeriesKind.Bars, string? reason = null) =>
        Mark(symbol, date, kind, reason, undelete: false);

    /// <summary>Undoes a delete: a new version pointing at the last version's data before the deletion.</summary>
    public VersionInfo Undelete(string symbol, DateOnly date, SeriesKind kind = SeriesKind.Bars, string? reason = null) =>
        Mark(symbol, date, kind, reason, undelete: true);

    /// <summary>Every version of (symbol, date), oldest first.</summary>
    public IReadOnlyList<VersionInfo> Versions(string symbol, DateOnly date, SeriesKind kind = SeriesKind.Bars)
    {
        StorePaths.Validate(symbol);
        return _index.Read(c => TickIndex.All(c, kind, symbol, date));
    }

    /// <summary>The audit trail of (symbol, date), oldest first.</summary>
    public IReadOnlyList<AuditEntry> Audit(string symbol, DateOnly date, SeriesKind kind = SeriesKind.Bars)
    {
        StorePaths.Validate(symbol);
        return _index.Read(c => TickIndex.AuditTrail(c, kind, symbol, date));
    }

    /// <inheritdoc />
    public void Dispose() => _index.Dispose();

    private static List<(string, DateOnly, T)> Days<TRow, T>(IEnumerable<TRow> rows, Func<string, IEnumerable<TRow>, T> build)
        where TRow : MarketEvent =>
        [.. rows.GroupBy(r => (r.Symbol, DateOnly.FromDateTime(r.Timestamp.ToUniversalTime())))
            .OrderBy(g => g.Key.Symbol, StringComparer.Ordinal).ThenBy(g => g.Key.Item2)
            .Select(g => (g.Key.Symbol, g.Key.Item2, build(g.Key.Symbol, g)))];
}
