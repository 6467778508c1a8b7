using Serenity.MarketData.FakeAlpaca;
using Serenity.Tickstore.Cli;

namespace Serenity.Tickstore.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "serenity-tickstore-cli", Guid.NewGuid().ToString("N"));

    // The CLI's environment: the fake server accepts any key pair.
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal)
    {
        ["ALPACA_KEY_ID"] = "test-key",
        ["ALPACA_SECRET_KEY"] = "test-secret",
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await TickstoreCli.RunAsync([.. args, .. args.Length > 0 && args[0] is not ("--help" or "-h") ? new[] { "--root", _root } : []], stdout, stderr, name => _environment.GetValueOrDefault(name));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Help_and_bad_usage_have_their_exit_codes_and_name_the_bad_argument()
    {
        var help = await Run("--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("download", help.Out, StringComparison.Ordinal);
        Assert.Equal(2, (await Run("frobnicate")).Code);
        var unknown = await Run("select", "--symbol", "AAPL", "--start", "2024-01-01", "--end", "2024-01-02", "--colour", "red");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("--colour", unknown.Err, StringComparison.Ordinal);
        var badDate = await Run("versions", "--symbol", "AAPL", "--date", "2024-13-01");
        Assert.Equal(2, badDate.Code);
        Assert.Contains("--date '2024-13-01'", badDate.Err, StringComparison.Ordinal);
        var missing = await Run("select", "--symbol", "AAPL", "--start", "2024-01-01");
        Assert.Contains("missing --end", missing.Err, StringComparison.Ordinal);
        Assert.Equal(2, (await Run("import", "--file", "/no/such/file.csv")).Code);
    }

    [Fact]
    public async Task Import_select_resample_versions_delete_and_verify()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"serenity-bars-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(csv,
        [
            "timestamp,symbol,open,high,low,close,volume,trade_count,vwap",
            "2024-03-04T14:30:00Z,AAPL,10,11,9,10.5,100,2,10.2",
            "2024-03-04T14:31:00Z,AAPL,10.5,12,10,11,300,3,11",
            "2024-03-05T14:30:00Z,AAPL,11,11,11,11,1,1,11",
        ]);
        try
        {
            var import = await Run("import", "--file", csv);
            Assert.Equal(0, import.Code);
            Assert.Contains("imported 3 bars", import.Out, StringComparison.Ordinal);
            Assert.Contains("100%", import.Err, StringComparison.Ordinal); // the progress bar
        }
        finally
        {
            File.Delete(csv);
        }
        var select = await Run("select", "--symbol", "AAPL", "--start", "2024-03-04", "--end", "2024-03-06", "--resample", "1h");
        Assert.Equal(0, select.Code);
        Assert.Equal(
            "timestamp,symbol,open,high,low,close,volume,trade_count,vwap\n" +
            "2024-03-04T14:00:00Z,AAPL,10,12,9,11,400,5,10.8\n" +
            "2024-03-05T14:00:00Z,AAPL,11,11,11,11,1,1,11\n",
            select.Out.ReplaceLineEndings("\n"));
        Assert.Equal(0, (await Run("delete", "--symbol", "AAPL", "--date", "2024-03-05", "--reason", "test")).Code);
        var versions = await Run("versions", "--symbol", "AAPL", "--date", "2024-03-05");
        Assert.Equal(3, versions.Out.ReplaceLineEndings("\n").Trim().Split('\n').Length); // header + 2 versions
        Assert.Contains(",yes,", versions.Out, StringComparison.Ordinal);
        var after = await Run("select", "--symbol", "AAPL", "--start", "2024-03-05", "--end", "2024-03-06");
        Assert.Single(after.Out.ReplaceLineEndings("\n").Trim().Split('\n'));
        Assert.Equal(1, (await Run("delete", "--symbol", "AAPL", "--date", "2024-03-05")).Code); // already deleted
        var verify = await Run("verify");
        Assert.Equal(0, verify.Code);
        Assert.Contains("2 files checked, 0 corrupt", verify.Out, StringComparison.Ordinal);

        var file = Directory.GetFiles(_root, "*.bars", SearchOption.AllDirectories)[0];
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^8] ^= 1;
        await File.WriteAllBytesAsync(file, bytes);
        var bad = await Run("verify");
        Assert.Equal(1, bad.Code);
        Assert.Contains("corrupt:", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_goes_through_the_fake_alpaca_server_with_a_progress_bar()
    {
        await using var server = await FakeAlpacaServer.StartAsync();
        var day = new DateOnly(2024, 3, 4);
        server.Rest.AddBars("AAPL", TempStore.Minutes("AAPL", day, 1200, startHour: 0, startMinute: 0));
        server.Rest.RetryAfterSeconds = 0;
        server.Rest.FailNext(1);
        var result = await Run("download", "--symbols", "AAPL", "--from", "2024-03-04", "--to", "2024-03-05", "--chunk-days", "1",
            "--base-url", server.HttpBase.ToString());
        Assert.True(result.Code == 0, result.Err);
        Assert.Contains("downloaded 1200 bars", result.Out, StringComparison.Ordinal);
        Assert.Contains("[##############################] 100%", result.Err, StringComparison.Ordinal);
        Assert.Equal(1, server.Rest.RejectedCount);
        _environment.Clear();
        var missingKey = await Run("download", "--symbols", "AAPL", "--from", "2024-03-04", "--to", "2024-03-04", "--base-url", server.HttpBase.ToString());
        Assert.Equal(2, missingKey.Code);
        Assert.Contains("ALPACA_KEY_ID", missingKey.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_fills_offline_history_deterministically()
    {
        var result = await Run("simulate", "--symbols", "SIM", "--from", "2024-01-02", "--to", "2024-01-02", "--seed", "7");
        Assert.True(result.Code == 0, result.Err);
        var first = await Run("select", "--symbol", "SIM", "--start", "2024-01-02", "--end", "2024-01-03");
        var rows = first.Out.ReplaceLineEndings("\n").Trim().Split('\n');
        Assert.True(rows.Length > 1000, $"{rows.Length} rows");
        var other = Path.Combine(_root, "again");
        using var stdout = new StringWriter();
        Assert.Equal(0, await TickstoreCli.RunAsync(["simulate", "--symbols", "SIM", "--from", "2024-01-02", "--to", "2024-01-02", "--seed", "7", "--root", other], stdout, new StringWriter()));
        using var again = new StringWriter();
        await TickstoreCli.RunAsync(["select", "--symbol", "SIM", "--start", "2024-01-02", "--end", "2024-01-03", "--root", other], again, new StringWriter());
        Assert.Equal(first.Out, again.ToString());
    }
}
