using System.Text;

namespace Serenity.Backtest.Report;

/// <summary>
/// Writes a backtest's report into a folder: <c>report.html</c> (self-contained: charts of equity, drawdown and VaR, the
/// P/L summary, trades), <c>trades.csv</c>, <c>equity.csv</c> (one row per minute) and <c>summary.json</c>. Everything is
/// derived from the result alone with invariant formatting, UTF-8 without a byte-order mark and <c>\n</c> line ends,
/// so the same result gives the same bytes.
/// </summary>
public static class ReportWriter
{
    /// <summary>The files written, in the order written.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["report.html", "trades.csv", "equity.csv", "summary.json"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the report of <paramref name="result"/> into <paramref name="directory"/> (created if missing); returns the summary.</summary>
    public static BacktestSummary Write(BacktestResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var summary = BacktestSummary.Of(result);
        File.WriteAllText(Path.Combine(directory, "report.html"), HtmlReport.Of(result, summary), Utf8);
        File.WriteAllText(Path.Combine(directory, "trades.csv"), CsvReport.Trades(result), Utf8);
        File.WriteAllText(Path.Combine(directory, "equity.csv"), CsvReport.Equity(result), Utf8);
        File.WriteAllText(Path.Combine(directory, "summary.json"), SummaryJson.Of(result, summary), Utf8);
        return summary;
    }
}
