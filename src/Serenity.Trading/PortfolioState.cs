namespace Serenity.Trading;

/// <summary>Positions and realized P/L, with the arithmetic of applying a fill (average cost basis).</summary>
internal sealed class PortfolioState
{
    private readonly Dictionary<string, Position> _positions = new(StringComparer.Ordinal);

    public decimal RealizedPnl { get; private set; }

    /// <summary>The last delivery applied: deliveries apply in order, each exactly once.</summary>
    public long AppliedSeq { get; private set; }

    public IReadOnlyDictionary<string, Position> Positions => _positions;

    public void Apply(Fill fill)
    {
        AppliedSeq = fill.Seq;
        var signed = fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
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

    public PortfolioSnapshot ToSnapshot() => new([.. _positions.Values.OrderBy(p => p.Symbol, StringComparer.Ordinal)], RealizedPnl, AppliedSeq);

    public void Restore(PortfolioSnapshot snapshot)
    {
        _positions.Clear();
        foreach (var p in snapshot.Positions) _positions[p.Symbol] = p;
        RealizedPnl = snapshot.RealizedPnl;
        AppliedSeq = snapshot.AppliedSeq;
    }

    public void Reset(long seq)
    {
        AppliedSeq = seq;
        _positions.Clear();
        RealizedPnl = 0m;
    }
}
