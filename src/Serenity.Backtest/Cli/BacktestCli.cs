using System.Globalization;
using Serenity.Backtest.Report;
using Serenity.Tickstore;
using Serenity.Tickstore.Cli;

namespace Serenity.Backtest.Cli;

/// <summary>
/// <c>serenity backtest</c>: replays stored bars through the live actors and writes the report. Exit codes: 0 ok,
/// 1 failure, 2 bad usage (the message names the argument). The summary goes to stdout, progress and errors to stderr.
/// </summary>
public static class BacktestCli
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: serenity backtest --symbols A,B --from T --to T [options]
          --strategy NAME   strategy to run on every symbol (default sma-cross)
          --symbols A,B     symbols to trade (their stored 1-minute bars are replayed)
          --from T          first bar time included (yyyy-MM-dd or ISO 8601, UTC)
          --to T            first bar time excluded
          --as-of T         read the store as it was at recorded time T (default: as it is now)
          --quantity N      shares each entry buys (default 100)
          --cash N          starting cash (default 100000)
          --spread BPS      synthetic quote spread around each bar close, basis points (default 2)
          --root DIR        tickstore root (default ./data/tickstore)
          --out DIR         report folder (default ./backtest-out): report.html, trades.csv, equity.csv, summary.json
        """;

    /// <summary>Runs a backtest from <paramref name="args"/> (without the <c>backtest</c> word); returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Any(a => a is "-h" or "--help" or "help"))
        {
            stdout.WriteLine(Usage);
            return 0;
        }
        try
        {
            var parsed = BacktestArguments.Parse(args);
            if (!File.Exists(Path.Combine(parsed.Root, "index.db"))) throw new UsageException($"bad --root '{parsed.Root}': no tickstore there (index.db missing)");
            using var store = TickStore.Open(parsed.Root);
            var progress = new StderrProgress(stderr);
            BacktestResult result;
            try
            {
                result = await BacktestRunner.RunAsync(store, parsed.Options, null, progress, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                progress.Done();
            }
            if (result.Minutes == 0)
            {
                stderr.WriteLine($"error: no stored minute bars for {string.Join(",", parsed.Options.Symbols)} in [{Fmt.Time(parsed.Options.From)}, {Fmt.Time(parsed.Options.To)})");
                return 1;
            }
            var summary = ReportWriter.Write(result, parsed.Out);
            Print(stdout, summary, parsed.Out);
            return 0;
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine(Usage);
            return 2;
        }
        catch (ArgumentException e) when (e.ParamName is { } name)
        {
            stderr.WriteLine($"error: bad --{name}: {BacktestArguments.StripParam(e)}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled");
            return 1;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or TickstoreCorruptionException or UnauthorizedAccessException
            or Microsoft.Data.Sqlite.SqliteException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static void Print(TextWriter stdout, BacktestSummary s, string folder)
    {
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(inv, $"minutes {s.Minutes}, bars {s.Bars}, trades {s.Trades}, signals {s.Signals}"));
        stdout.WriteLine($"final equity {Fmt.Money(s.FinalEquity)}, P/L {Fmt.Money(s.TotalPnl)} (realized {Fmt.Money(s.RealizedPnl)}, unrealized {Fmt.Money(s.UnrealizedPnl)}), return {Fmt.Percent(s.Return)}");
        stdout.WriteLine($"max drawdown {Fmt.Money(s.MaxDrawdown)} ({Fmt.Percent(s.MaxDrawdownFraction)}), max VaR95 {Fmt.Money(s.MaxVar95)}");
        foreach (var name in ReportWriter.FileNames) stdout.WriteLine(Path.Combine(folder, name));
    }
}
