using System.Text;
using Serenity.Trading;

namespace Serenity.Backtest.Report;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS and SVG, no scripts, no external resources, no generation
/// time): settings, P/L summary, equity, drawdown and VaR charts, P/L per symbol and the trades.
/// </summary>
internal static class HtmlReport
{
    /// <summary>Trades listed in the page (the first and last half of this many); trades.csv has all of them.</summary>
    public const int MaxTradeRows = 2000;

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:24px;color:#222}
        h1{font-size:22px}h2{font-size:17px;margin-top:28px}
        table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:3px 8px}
        td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
        svg.chart{width:100%;max-width:960px;height:auto;font-size:11px}
        .neg{color:#b00}.pos{color:#070}
        """;

    public static string Of(BacktestResult result, BacktestSummary summary)
    {
        var o = result.Options;
        var sb = new StringBuilder();
        var title = $"Backtest: {o.Strategy} on {string.Join(", ", o.Symbols)}";
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Html.Escape(title)).Append("</title>\n<style>\n")
            .Append(Style).Append("</style>\n</head>\n<body>\n<h1>").Append(Html.Escape(title)).Append("</h1>\n");

        sb.Append("<h2>Settings</h2>\n<table>\n");
        Row(sb, "strategy", o.Strategy);
        Row(sb, "symbols", string.Join(", ", o.Symbols));
        Row(sb, "from", Fmt.Time(o.From));
        Row(sb, "to (excluded)", Fmt.Time(o.To));
        Row(sb, "store as of", o.AsOf is { } asOf ? Fmt.Time(asOf.UtcDateTime) : "latest");
        Row(sb, "quantity per entry", Fmt.Quantity(o.Quantity));
        Row(sb, "starting cash", Fmt.Money(o.Cash));
        Row(sb, "quote spread", Fmt.Exact(o.SpreadBasisPoints) + " bps around the bar close");
        Row(sb, "minutes / bars replayed", Fmt.Int(summary.Minutes) + " / " + Fmt.Int(summary.Bars));
        sb.Append("</table>\n");

        sb.Append("<h2>P/L</h2>\n<table id=\"summary\">\n");
        Row(sb, "final equity", Fmt.Money(summary.FinalEquity));
        Row(sb, "total P/L", Fmt.Money(summary.TotalPnl), summary.TotalPnl);
        Row(sb, "realized P/L", Fmt.Money(summary.RealizedPnl), summary.RealizedPnl);
        Row(sb, "unrealized P/L", Fmt.Money(summary.UnrealizedPnl), summary.UnrealizedPnl);
        Row(sb, "return", Fmt.Percent(summary.Return));
        Row(sb, "max drawdown", Fmt.Money(summary.MaxDrawdown) + " (" + Fmt.Percent(summary.MaxDrawdownFraction) + ")");
        Row(sb, "trades (closing / winning)", $"{Fmt.Int(summary.Trades)} ({Fmt.Int(summary.ClosingTrades)} / {Fmt.Int(summary.WinningTrades)})");
        Row(sb, "signals (rejected)", $"{Fmt.Int(summary.Signals)} ({Fmt.Int(summary.RejectedSignals)})");
        Row(sb, "VaR 95% one minute: max / final", Fmt.Money(summary.MaxVar95) + " / " + Fmt.Money(summary.FinalVar95));
        sb.Append("</table>\n");

        var times = result.Equity.Select(e => e.Time).ToList();
        sb.Append("<h2>Equity</h2>\n").Append(SvgChart.Render("equity", times,
            [new ChartLine("equity", "#1f5fbf", [.. result.Equity.Select(e => (double)e.Equity)])], v => Fmt.Money((decimal)v))).Append('\n');
        sb.Append("<h2>Drawdown</h2>\n").Append(SvgChart.Render("drawdown", times,
            [new ChartLine("drawdown", "#b02020", [.. result.Equity.Select(e => -e.DrawdownFraction)])], Fmt.Percent)).Append('\n');
        sb.Append("<h2>VaR over time (one minute, historical)</h2>\n").Append(SvgChart.Render("value at risk", times,
            [
                new ChartLine("VaR 95%", "#d08000", [.. result.Equity.Select(e => (double)e.Var95)]),
                new ChartLine("VaR 99%", "#7a2fbf", [.. result.Equity.Select(e => (double)e.Var99)]),
            ], v => Fmt.Money((decimal)v))).Append('\n');

        AppendPerSymbol(sb, result);
        AppendTrades(sb, result);
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendPerSymbol(StringBuilder sb, BacktestResult result)
    {
        sb.Append("<h2>P/L per symbol</h2>\n<table>\n<tr><th>symbol</th><th>trades</th><th>realized P/L</th><th>open quantity</th><th>unrealized P/L</th></tr>\n");
        foreach (var symbol in result.Options.Symbols)
        {
            var trades = result.Trades.Where(t => t.Fill.Symbol == symbol).ToList();
            var position = result.FinalPortfolio.Positions.GetValueOrDefault(symbol);
            var realized = trades.Sum(t => t.RealizedPnl);
            sb.Append("<tr><td>").Append(Html.Escape(symbol)).Append("</td><td class=\"n\">").Append(Fmt.Int(trades.Count)).Append("</td>");
            Cell(sb, Fmt.Money(realized), realized);
            sb.Append("<td class=\"n\">").Append(Fmt.Quantity(position?.Quantity ?? 0m)).Append("</td>");
            Cell(sb, Fmt.Money(position?.UnrealizedPnl ?? 0m), position?.UnrealizedPnl ?? 0m);
            sb.Append("</tr>\n");
        }
        sb.Append("</table>\n");
    }

    private static void AppendTrades(StringBuilder sb, BacktestResult result)
    {
        var trades = result.Trades;
        sb.Append("<h2>Trades</h2>\n");
        if (trades.Count > MaxTradeRows)
        {
            sb.Append("<p>").Append(Fmt.Int(trades.Count)).Append(" trades; the first and last ").Append(Fmt.Int(MaxTradeRows / 2))
                .Append(" are listed, all of them are in trades.csv.</p>\n");
        }
        sb.Append("<table id=\"trades\">\n<tr><th>#</th><th>time</th><th>symbol</th><th>side</th><th>quantity</th><th>price</th><th>realized P/L</th><th>position after</th><th>client order id</th></tr>\n");
        for (var i = 0; i < trades.Count; i++)
        {
            if (trades.Count > MaxTradeRows && i == MaxTradeRows / 2)
            {
                sb.Append("<tr><td colspan=\"9\">…</td></tr>\n");
                i = trades.Count - (MaxTradeRows / 2);
            }
            var t = trades[i];
            var f = t.Fill;
            sb.Append("<tr><td class=\"n\">").Append(Fmt.Int(f.Seq)).Append("</td><td>").Append(Fmt.ShortTime(f.Timestamp)).Append("</td><td>")
                .Append(Html.Escape(f.Symbol)).Append("</td><td>").Append(f.Side == OrderSide.Buy ? "buy" : "sell").Append("</td><td class=\"n\">")
                .Append(Fmt.Quantity(f.Quantity)).Append("</td><td class=\"n\">").Append(Fmt.Price(f.Price)).Append("</td>");
            Cell(sb, Fmt.Money(t.RealizedPnl), t.RealizedPnl);
            sb.Append("<td class=\"n\">").Append(Fmt.Quantity(t.PositionAfter)).Append("</td><td>").Append(Html.Escape(f.ClientOrderId ?? "")).Append("</td></tr>\n");
        }
        sb.Append("</table>\n");
    }

    private static void Row(StringBuilder sb, string name, string value, decimal? sign = null)
    {
        sb.Append("<tr><th>").Append(Html.Escape(name)).Append("</th>");
        Cell(sb, value, sign);
        sb.Append("</tr>\n");
    }

    private static void Cell(StringBuilder sb, string value, decimal? sign)
    {
        var cls = sign is { } s && s != 0m ? (s < 0m ? "n neg" : "n pos") : "n";
        sb.Append("<td class=\"").Append(cls).Append("\">").Append(Html.Escape(value)).Append("</td>");
    }
}
