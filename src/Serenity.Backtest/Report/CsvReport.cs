using System.Text;

namespace Serenity.Backtest.Report;

/// <summary><c>trades.csv</c> and <c>equity.csv</c>: exact decimals, ISO UTC times, <c>\n</c> line ends.</summary>
internal static class CsvReport
{
    public static string Trades(BacktestResult result)
    {
        var sb = new StringBuilder("seq,time,order_id,client_order_id,symbol,side,quantity,price,realized_pnl,position_after\n");
        foreach (var t in result.Trades)
        {
            var f = t.Fill;
            sb.Append(Fmt.Int(f.Seq)).Append(',').Append(Fmt.Time(f.Timestamp)).Append(',').Append(Field(f.OrderId)).Append(',')
                .Append(Field(f.ClientOrderId ?? "")).Append(',').Append(Field(f.Symbol)).Append(',').Append(f.Side == Trading.OrderSide.Buy ? "buy" : "sell").Append(',')
                .Append(Fmt.Exact(f.Quantity)).Append(',').Append(Fmt.Exact(f.Price)).Append(',').Append(Fmt.Exact(t.RealizedPnl)).Append(',')
                .Append(Fmt.Exact(t.PositionAfter)).Append('\n');
        }
        return sb.ToString();
    }

    public static string Equity(BacktestResult result)
    {
        var sb = new StringBuilder("time,equity,cash,market_value,drawdown,drawdown_fraction,var95,var99,es95,parametric_var95,scenarios\n");
        foreach (var e in result.Equity)
        {
            sb.Append(Fmt.Time(e.Time)).Append(',').Append(Fmt.Exact(e.Equity)).Append(',').Append(Fmt.Exact(e.Cash)).Append(',')
                .Append(Fmt.Exact(e.MarketValue)).Append(',').Append(Fmt.Exact(e.Drawdown)).Append(',').Append(Fmt.Stat(e.DrawdownFraction)).Append(',')
                .Append(Fmt.Exact(e.Var95)).Append(',').Append(Fmt.Exact(e.Var99)).Append(',').Append(Fmt.Exact(e.ExpectedShortfall95)).Append(',')
                .Append(Fmt.Exact(e.ParametricVar95)).Append(',').Append(Fmt.Int(e.Scenarios)).Append('\n');
        }
        return sb.ToString();
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
