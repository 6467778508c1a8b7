using Serenity.MarketData;
using Serenity.Tickstore.Index;

namespace Serenity.Tickstore.Filling;

/// <summary>
/// Collects the live graph's minute bars and appends them to their (symbol, day) in the store in batches: one new
/// version per touched day and flush. A bar that is re-sent (<see cref="BarKind.Updated"/>) replaces the stored one;
/// running daily bars are not stored. When a flush fails, its bars are kept for the next one. Not thread-safe.
/// </summary>
public sealed class LiveBarAppender(TickStore store)
{
    private readonly TickStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private List<Bar> _pending = [];

    /// <summary>Bars waiting for the next flush.</summary>
    public int Pending => _pending.Count;

    /// <summary>Queues a bar (daily bars are ignored).</summary>
    public void Add(Bar bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        if (bar.Kind == BarKind.Daily) return;
        _pending.Add(bar);
    }

    /// <summary>Appends the queued bars; returns the versions written (none when nothing was queued).</summary>
    public IReadOnlyList<VersionInfo> Flush()
    {
        if (_pending.Count == 0) return [];
        var batch = _pending;
        _pending = [];
        try
        {
            return _store.Append(batch, "live");
        }
        catch
        {
            batch.AddRange(_pending);
            _pending = batch;
            throw;
        }
    }
}
