namespace Serenity.Trading.Tests;

public sealed class PortfolioStateTests
{
    private static readonly DateTime T0 = new(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc);
    private long _seq;

    private Fill F(OrderSide side, decimal qty, decimal price) => new($"f-{++_seq}", _seq, $"o-{_seq}", null, "AAPL", side, qty, price, T0);

    [Fact]
    public void Worked_example_buys_partial_sell_flip_to_short_and_cover()
    {
        var s = new PortfolioState();
        s.Apply(F(OrderSide.Buy, 100m, 10m));
        s.Apply(F(OrderSide.Buy, 50m, 13m));           // avg (1000 + 650) / 150 = 11
        Assert.Equal(new Position("AAPL", 150m, 11m), s.Positions["AAPL"]);

        s.Apply(F(OrderSide.Sell, 60m, 12m));          // realize (12 - 11) x 60 = 60
        Assert.Equal(new Position("AAPL", 90m, 11m), s.Positions["AAPL"]);
        Assert.Equal(60m, s.RealizedPnl);

        s.Apply(F(OrderSide.Sell, 100m, 10m));         // close 90 at (10 - 11) = -90, open short 10 at 10
        Assert.Equal(new Position("AAPL", -10m, 10m), s.Positions["AAPL"]);
        Assert.Equal(-30m, s.RealizedPnl);

        s.Apply(F(OrderSide.Buy, 10m, 8m));            // cover: (10 - 8) x 10 = 20
        Assert.False(s.Positions.ContainsKey("AAPL"));
        Assert.Equal(-10m, s.RealizedPnl);
        Assert.Equal(5, s.AppliedSeq);
    }

    [Fact]
    public void Reset_empties_positions_and_pnl()
    {
        var s = new PortfolioState();
        s.Apply(F(OrderSide.Buy, 1m, 10m));
        s.Apply(F(OrderSide.Sell, 1m, 11m));
        s.Reset(3);
        Assert.Empty(s.Positions);
        Assert.Equal(0m, s.RealizedPnl);
        Assert.Equal(3, s.AppliedSeq);
    }
}
