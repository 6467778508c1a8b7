namespace Serenity.Trading;

/// <summary>Positions, cash and realized P/L, with the arithmetic of applying a fill (average cost basis).</summary>
internal sealed class PortfolioState(decimal startingCash = 0m)
{
    private readonly decimal _startingCash = startingCash;
    private readonly Dictionary<string, Position> _positions = new(StringComparer.Ordinal);

    public decimal RealizedPnl { get; private set; }

    /// <summary>Cash: the account's cash after the last delivery (starting cash before any).</summary>
    public decimal Cash { get; private set; } = startingCash;

    /// <summary>The last delivery applied: deliveries apply in order, each exactly once.</summary>
    public long AppliedSeq { get; private set; }

    public IReadOnlyDictionary<string, Position> Positions => _positions;

    /// <summary>The positions, for the loops of every fill and quote: a struct enumerator, where the interface's is boxed.</summary>
    public Dictionary<string, Position>.ValueCollection PositionValues => _positions.Values;

    /// <summary>The symbols held (see <see cref="PositionValues"/>).</summary>
    public Dictionary<string, Position>.KeyCollection HeldSymbols => _positions.Keys;

    /// <summary>
    /// Applies a fill: adding to a position (or opening one) averages its cost; reducing it realizes
    /// (price - average cost) x closed quantity for longs, (average cost - price) x closed quantity for shorts; the part of a
    /// fill beyond the position flips it and opens at the fill price. Fees are zero.
    /// </summary>
    public void Apply(Fill fill, decimal? cashAfter = null)
    {
        AppliedSeq = fill.Seq;
        var signed = fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
        Cash = cashAfter ?? (Cash - (signed * fill.Price));
        _positions.TryGetValue(fill.Symbol, out var pos);
        var qty = pos?.Quantity ?? 0m;
        var avg = pos?.AverageCost ?? 0m;

        if (qty == 0m || Math.Sign(qty) == Math.Sign(signed))
        {
            // Opening or adding: weighted average cost.
            var newQty = qty + signed;
            var newAvg = ((Math.Abs(qty) * avg) + (Math.Abs(signed) * fill.Price)) / Math.Abs(newQty);
            _positions[fill.Symbol] = new Position(fill.Symbol, newQty, newAvg);
            return;
        }

        // Reducing (and maybe flipping): realize P/L on the closed part.
        var closed = Math.Min(Math.Abs(qty), Math.Abs(signed));
        RealizedPnl += qty > 0 ? (fill.Price - avg) * closed : (avg - fill.Price) * closed;
        var remaining = qty + signed;
        if (remaining == 0m) _positions.Remove(fill.Symbol);
        else if (Math.Sign(remaining) == Math.Sign(qty)) _positions[fill.Symbol] = pos! with { Quantity = remaining };
        else _positions[fill.Symbol] = new Position(fill.Symbol, remaining, fill.Price); // flipped: the rest opens at the fill price
    }

    public PortfolioSnapshot ToSnapshot(IReadOnlyList<ValuePoint> history) =>
        new([.. _positions.Values.OrderBy(p => p.Symbol, StringComparer.Ordinal)], RealizedPnl, AppliedSeq) { Cash = Cash, ValueHistory = history };

    public void Restore(PortfolioSnapshot snapshot)
    {
        _positions.Clear();
        foreach (var p in snapshot.Positions) _positions[p.Symbol] = new Position(p.Symbol, p.Quantity, p.AverageCost);
        RealizedPnl = snapshot.RealizedPnl;
        AppliedSeq = snapshot.AppliedSeq;
        if (snapshot.Cash is { } cash) Cash = cash;
    }

    public void Reset(long seq, decimal? cash = null)
    {
        AppliedSeq = seq;
        _positions.Clear();
        RealizedPnl = 0m;
        Cash = cash ?? _startingCash;
    }
}
