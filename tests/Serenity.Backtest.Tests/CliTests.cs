using Serenity.Backtest.Cli;

namespace Serenity.Backtest.Tests;

/// <summary>The command line: usage errors name the argument (exit 2), a run writes the report (exit 0).</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _root;
    private readonly string _out = Path.Combine(Path.GetTempPath(), "serenity-backtest-tests", "cli-" + Guid.NewGuid().ToString("N"));

    public CliTests()
    {
        using var store = TestData.TwoSymbols(out _root);
    }

    [Theory]
    [InlineData("--from 2026-03-02 --to 2026-03-04", "missing --symbols")]
    [InlineData("--symbols AAPL --to 2026-03-04", "missing --from")]
    [InlineData("--symbols AAPL --from 2026-03-02", "missing --to")]
    [InlineData("--symbols AAPL --from yesterday --to 2026-03-04", "bad --from 'yesterday'")]
    [InlineData("--symbols AAPL --from 2026-03-04 --to 2026-03-02", "bad --to")]
    [InlineData("--symbols AAPL --from 2026-03-02 --to 2026-03-04 --as-of soon", "bad --as-of 'soon'")]
    [InlineData("--symbols AAPL --from 2026-03-02 --to 2026-03-04 --quantity 1.5", "bad --quantity")]
    [InlineData("--symbols AAPL --from 2026-03-02 --to 2026-03-04 --cash -5", "bad --cash '-5'")]
    [InlineData("--symbols AAPL --from 2026-03-02 --to 2026-03-04 --spread 20000", "bad --spread")]
    [InlineData("--symbols AAPL --from 2026-03-02 --to 2026-03-04 --bogus 1", "unknown argument '--bogus'")]
    [InlineData("--symbols AAPL --from 2026-03-02 --to", "--to needs a value")]
    [InlineData("--symbols AAPL --from 2026-03-02 --to 2026-03-04 --root /nonexistent/serenity", "bad --root '/nonexistent/serenity'")]
    public async Task Usage_errors_name_the_argument_and_exit_2(string line, string message)
    {
        var (code, _, stderr) = await Run(line.Split(' '));
        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_strategy_is_a_usage_error_naming_strategy()
    {
        var (code, _, stderr) = await Run(["--strategy", "martingale", "--symbols", "AAPL", "--from", "2026-03-02", "--to", "2026-03-04", "--root", _root, "--out", _out]);
        Assert.Equal(2, code);
        Assert.Contains("bad --strategy: unknown strategy: martingale", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_0()
    {
        var (code, stdout, _) = await Run(["--help"]);
        Assert.Equal(0, code);
        Assert.Contains("--as-of T", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_without_bars_fails_with_exit_1()
    {
        var (code, _, stderr) = await Run(["--symbols", "AAPL", "--from", "2025-01-01", "--to", "2025-01-02", "--root", _root, "--out", _out]);
        Assert.Equal(1, code);
        Assert.Contains("no stored minute bars for AAPL", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_writes_the_report_and_prints_the_summary()
    {
        var (code, stdout, stderr) = await Run(["--strategy", "sma-cross", "--symbols", "aapl,MSFT", "--from", "2026-03-02", "--to", "2026-03-04",
            "--quantity", "5", "--root", _root, "--out", _out]);
        Assert.True(code == 0, stderr);
        Assert.Contains("minutes 180, bars 360", stdout, StringComparison.Ordinal);
        Assert.Contains("100%", stderr, StringComparison.Ordinal); // progress
        foreach (var name in Report.ReportWriter.FileNames) Assert.True(File.Exists(Path.Combine(_out, name)), name);
        Assert.Contains("\"symbols\": [\n      \"AAPL\",\n      \"MSFT\"\n    ]", await File.ReadAllTextAsync(Path.Combine(_out, "summary.json")), StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await BacktestCli.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        TestData.Delete(_root);
        TestData.Delete(_out);
    }
}
