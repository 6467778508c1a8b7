using System.Text;
using System.Text.Json;

namespace Serenity.Backtest.Report;

/// <summary><c>summary.json</c>: the settings and the P/L summary, keys in a fixed order, decimals exact.</summary>
internal static class SummaryJson
{
    public static string Of(BacktestResult result, BacktestSummary summary)
    {
        var o = result.Options;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("settings");
            w.WriteString("strategy", o.Strategy);
            w.WriteStartArray("symbols");
            foreach (var s in o.Symbols) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteString("from", Fmt.Time(o.From));
            w.WriteString("to", Fmt.Time(o.To));
            if (o.AsOf is { } asOf) w.WriteString("as_of", Fmt.Time(asOf.UtcDateTime));
            else w.WriteNull("as_of");
            w.WriteNumber("quantity", o.Quantity);
            w.WriteNumber("cash", o.Cash);
            w.WriteNumber("spread_bps", o.SpreadBasisPoints);
            w.WriteString("user", o.User);
            w.WriteEndObject();
            w.WriteStartObject("summary");
            w.WriteNumber("minutes", summary.Minutes);
            w.WriteNumber("bars", summary.Bars);
            w.WriteNumber("starting_cash", summary.StartingCash);
            w.WriteNumber("final_equity", summary.FinalEquity);
            w.WriteNumber("total_pnl", summary.TotalPnl);
            w.WriteNumber("realized_pnl", summary.RealizedPnl);
            w.WriteNumber("unrealized_pnl", summary.UnrealizedPnl);
            w.WriteNumber("return", Math.Round(summary.Return, 8));
            w.WriteNumber("max_drawdown", summary.MaxDrawdown);
            w.WriteNumber("max_drawdown_fraction", Math.Round(summary.MaxDrawdownFraction, 8));
            w.WriteNumber("trades", summary.Trades);
            w.WriteNumber("closing_trades", summary.ClosingTrades);
            w.WriteNumber("winning_trades", summary.WinningTrades);
            w.WriteNumber("signals", summary.Signals);
            w.WriteNumber("rejected_signals", summary.RejectedSignals);
            w.WriteNumber("max_var95", summary.MaxVar95);
            w.WriteNumber("final_var95", summary.FinalVar95);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
