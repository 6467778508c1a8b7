using Serenity.Server.Hosting;
using Serenity.Server.Tests.Support;

namespace Serenity.Server.Tests.Unit;

/// <summary>The server executable's subcommands, run through its entry point in process.</summary>
public sealed class SubcommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ServerProgram.RunAsync(args, output, error).WaitAsync(TimeSpan.FromSeconds(30));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_lists_the_subcommands()
    {
        var (code, output, _) = await RunAsync("--help");
        Assert.Equal(0, code);
        Assert.Contains("subcommands:", output, StringComparison.Ordinal);
        foreach (var name in Subcommands.All.Select(c => c.Name)) Assert.Contains($"  {name} ", output, StringComparison.Ordinal);
        Assert.Contains("tickstore", output, StringComparison.Ordinal);
        Assert.Contains("backtest", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tickstore_help_is_the_tickstore_usage_with_exit_code_0()
    {
        var (code, output, _) = await RunAsync("tickstore", "--help");
        Assert.Equal(0, code);
        Assert.Contains("simulate --symbols", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tickstore_exit_codes_pass_through_2_for_bad_usage_and_1_for_a_failure()
    {
        var (bare, _, bareErr) = await RunAsync("tickstore");
        Assert.Equal(2, bare);
        Assert.Contains("usage: serenity tickstore", bareErr, StringComparison.Ordinal);

        var (unknown, _, unknownErr) = await RunAsync("tickstore", "frobnicate");
        Assert.Equal(2, unknown);
        Assert.Contains("unknown command 'frobnicate'", unknownErr, StringComparison.Ordinal);

        using var root = new TempDirectory();
        var (missing, _, missingErr) = await RunAsync("tickstore", "delete", "--root", root.Path, "--symbol", "AAPL", "--date", "2024-01-02");
        Assert.Equal(1, missing);
        Assert.StartsWith("error:", missingErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tickstore_simulate_then_select_round_trips_through_the_server_executable()
    {
        using var root = new TempDirectory();
        var (simulated, simulateOut, simulateErr) = await RunAsync("tickstore", "simulate", "--root", root.Path, "--symbols", "AAPL", "--from", "2024-01-02", "--to", "2024-01-02", "--seed", "3");
        Assert.True(simulated == 0, simulateErr);
        Assert.Contains("simulated 1 day versions", simulateOut, StringComparison.Ordinal);

        var (selected, csv, selectErr) = await RunAsync("tickstore", "select", "--root", root.Path, "--symbol", "AAPL", "--start", "2024-01-02", "--end", "2024-01-03", "--resample", "1h");
        Assert.True(selected == 0, selectErr);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("timestamp,symbol,open,high,low,close,volume,trade_count,vwap", lines[0]);
        Assert.InRange(lines.Length - 1, 1, 24);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("2024-01-02T", l, StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Equal("AAPL", l.Split(',')[1]));

        var (versions, versionsOut, _) = await RunAsync("tickstore", "versions", "--root", root.Path, "--symbol", "AAPL", "--date", "2024-01-02");
        Assert.Equal(0, versions);
        Assert.Contains("AAPL", versionsOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_is_dispatched_with_its_help_and_its_usage_errors()
    {
        var (help, helpOut, _) = await RunAsync("backtest", "--help");
        Assert.Equal(0, help);
        Assert.Contains("usage: serenity backtest", helpOut, StringComparison.Ordinal);

        using var root = new TempDirectory();
        var (noStore, _, noStoreErr) = await RunAsync("backtest", "--symbols", "AAPL", "--from", "2024-01-02", "--to", "2024-01-03", "--root", root.Path);
        Assert.Equal(2, noStore);
        Assert.Contains("--root", noStoreErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_runs_on_a_store_filled_by_the_tickstore_subcommand_and_writes_its_report()
    {
        using var dir = new TempDirectory();
        var root = Path.Combine(dir.Path, "ts");
        var report = Path.Combine(dir.Path, "out");
        var (simulated, _, simulateErr) = await RunAsync("tickstore", "simulate", "--root", root, "--symbols", "AAPL", "--from", "2024-01-02", "--to", "2024-01-02");
        Assert.True(simulated == 0, simulateErr);

        var (code, output, error) = await RunAsync("backtest", "--root", root, "--symbols", "AAPL", "--from", "2024-01-02", "--to", "2024-01-03", "--out", report);
        Assert.True(code == 0, error);
        Assert.Contains("max drawdown", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(report, "summary.json")));
        Assert.True(File.Exists(Path.Combine(report, "report.html")));
    }

    [Fact]
    public void A_subcommand_is_found_only_as_the_first_argument()
    {
        Assert.Equal("tickstore", Subcommands.Find(["tickstore", "select"])?.Name);
        Assert.Null(Subcommands.Find(["--data", "tickstore"]));
        Assert.Null(Subcommands.Find([]));
    }
}
