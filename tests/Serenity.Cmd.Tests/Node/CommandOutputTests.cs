using Serenity.Actors;
using Serenity.Cmd.Tests.Support;

namespace Serenity.Cmd.Tests.Node;

/// <summary>Every command's table output and exit code against a real node (output redirected: no ANSI codes).</summary>
[Collection(NodeCollection.Name)]
public sealed class CommandOutputTests(NodeFixture node)
{
    private string Address => node.Open.Address;

    private async Task<PbmRun> OkAsync(params string[] command)
    {
        var run = await PbmRun.RunAsync([Address, .. command]);
        Assert.True(run.ExitCode == ExitCodes.Ok, $"exit {run.ExitCode}: {run.Error}");
        Assert.Equal("", run.Error);
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.DoesNotMatch(@"[ ]\n", run.Out); // tables are padded on a terminal only
        return run;
    }

    private async Task<PbmRun> FailsAsync(params string[] command)
    {
        var run = await PbmRun.RunAsync([Address, .. command]);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("", run.Out);
        return run;
    }

    [Fact]
    public async Task Actor_system_shows_the_system()
    {
        var run = await OkAsync("actor", "system");
        Assert.Matches(@"Actor system:\s+serenity", run.Out);
        Assert.Matches(@"Provider:\s+local", run.Out);
        Assert.Matches(@"Address:\s+" + System.Text.RegularExpressions.Regex.Escape(Address), run.Out);
        Assert.Matches(@"Dead letters:\s+\d+", run.Out);
    }

    [Fact]
    public async Task Actor_hierarchy_lists_paths_to_the_depth_and_under_the_path()
    {
        var all = await OkAsync("actor", "hierarchy", "-d", "1");
        Assert.Contains("/user/market-board", all.Out);
        Assert.DoesNotContain("/user/market-board/", all.Out);
        Assert.Matches(@"Count: \d+ actors", all.Out);
        var system = await OkAsync("actor", "hierarchy", "--path", "/system", "--depth", "1");
        Assert.Contains("/system/sharding-account", system.Out);
        Assert.DoesNotContain("/user/", system.Out);
    }

    [Fact]
    public async Task Cluster_show_status_and_leader_describe_the_single_node()
    {
        var show = await OkAsync("cluster", "show");
        Assert.Matches(System.Text.RegularExpressions.Regex.Escape(Address) + @"\s+serenity\s+-\s+up\s+yes", show.Out);
        Assert.EndsWith("Count: 1 nodes" + Environment.NewLine, show.Out);
        var status = await OkAsync("cluster", "status");
        Assert.Matches(@"Provider:\s+local", status.Out);
        Assert.Matches(@"Status:\s+up", status.Out);
        Assert.Matches(@"Unreachable:\s+0", status.Out);
        var leader = await OkAsync("cluster", "leader");
        Assert.Equal(Address + Environment.NewLine, leader.Out);
    }

    [Theory]
    [InlineData("join", "10.0.0.7:9110")]
    [InlineData("leave", "10.0.0.7:9110")]
    [InlineData("down", "10.0.0.7:9110")]
    [InlineData("down-unreachable", null)]
    public async Task Membership_changes_fail_on_the_local_provider_with_its_reason(string verb, string? address)
    {
        var run = await FailsAsync(address is null ? ["cluster", verb] : ["cluster", verb, address]);
        Assert.Contains($"pbm: cluster {verb} failed: cluster {verb}", run.Error);
        Assert.Contains("not supported by the local provider", run.Error);
    }

    [Fact]
    public async Task Sharding_regions_and_stats_show_the_local_regions()
    {
        var regions = await OkAsync("cluster-sharding", "regions");
        Assert.Matches(@"account\s+\d+\s+\d+", regions.Out);
        Assert.Matches(@"ticker\s+\d+\s+\d+", regions.Out);
        var region = await OkAsync("cluster-sharding", "region-stats", "-r", "account");
        Assert.Contains("Region: account", region.Out);
        Assert.Matches(System.Text.RegularExpressions.Regex.Escape(Address) + @"\s+[1-9]\d*\s+[1-9]\d*", region.Out);
        var shards = await OkAsync("cluster-sharding", "shard-stats", "--region", "account");
        Assert.Matches(System.Text.RegularExpressions.Regex.Escape(Address) + @"\s+\S+\s+[1-9]\d*", shards.Out);
        Assert.Matches(@"Total: [1-9]\d* entities", shards.Out);
    }

    [Fact]
    public async Task Sharding_stats_of_an_unknown_region_fail_with_the_known_ones()
    {
        var run = await FailsAsync("cluster-sharding", "region-stats", "-r", "nope");
        Assert.Contains("no shard region of type 'nope'", run.Error);
        Assert.Contains("account", run.Error);
    }

    [Fact]
    public async Task Market_data_status_shows_source_state_and_rates()
    {
        var run = await OkAsync("market-data", "status");
        Assert.Matches(@"Source:\s+simulator", run.Out);
        Assert.Matches(@"State:\s+simulating", run.Out);
        Assert.Matches(@"Symbols:\s+4", run.Out);
        Assert.Matches(@"Quotes in:\s+[1-9]\d*", run.Out);
        Assert.Matches(@"Rate in \(/s\):\s+[\d.]+", run.Out);
        Assert.Matches(@"Connection:\s+n/a \(no connection\)", run.Out);
        Assert.DoesNotContain("Reconnects:", run.Out); // connection details only for a source with a connection (Alpaca)
    }

    [Fact]
    public async Task Market_data_buckets_show_tickers_top_n_and_one_symbol()
    {
        var all = await OkAsync("market-data", "buckets");
        Assert.Matches(@"AAPL\s+[1-9]\d*\s+\d+", all.Out);
        var top = await OkAsync("market-data", "buckets", "--top", "1");
        Assert.Matches(@"Showing 1 of \d+ tickers", top.Out);
        var one = await OkAsync("market-data", "buckets", "--symbol", "aapl");
        Assert.Contains("AAPL", one.Out);
        Assert.DoesNotContain("MSFT", one.Out);
        var missing = await FailsAsync("market-data", "buckets", "--symbol", "ZZZZ");
        Assert.Contains("no bucket statistics for ZZZZ", missing.Error);
    }

    [Fact]
    public async Task Journal_stats_show_the_sqlite_journal()
    {
        var run = await OkAsync("journal", "stats");
        Assert.Matches(@"Plugin:\s+sqlite", run.Out);
        Assert.Matches(@"State:\s+open", run.Out);
        Assert.Matches(@"Entities:\s+.*account=[1-9]", run.Out);
    }

    [Fact]
    public async Task Account_portfolio_and_risk_show_the_user()
    {
        var account = await OkAsync("account", "show", NodeFixture.User);
        Assert.Matches(@"User:\s+alice", account.Out);
        Assert.Matches(@"AAPL\s+3", account.Out);
        var portfolio = await OkAsync("portfolio", "show", NodeFixture.User);
        Assert.Matches(@"AAPL\s+3\s+[\d.]+", portfolio.Out);
        var risk = await OkAsync("risk", "show", NodeFixture.User);
        Assert.Matches(@"User:\s+alice", risk.Out);
        Assert.Matches(@"Portfolio value:\s+[\d.]+", risk.Out);
        Assert.Matches(@"VaR 95% \(hist\):\s+[\d.E-]+", risk.Out);
        Assert.Matches(@"AAPL\s+3\s+[\d.]+", risk.Out);
    }

    [Theory]
    [InlineData("account")]
    [InlineData("portfolio")]
    [InlineData("risk")]
    public async Task An_unknown_user_fails_with_the_reason(string palette)
    {
        var run = await FailsAsync(palette, "show", "nobody-here");
        Assert.Contains($"pbm: {palette} show failed: no account 'nobody-here' on this node", run.Error);
    }

    [Fact]
    public async Task Log_peek_shows_recent_lines_filtered_by_level()
    {
        var marker = "peek-" + Guid.NewGuid().ToString("N");
        node.Host.System.Log.Warning(marker);
        var warnings = await OkAsync("log", "peek", "--level", "warning", "-n", "200");
        Assert.Matches(@"\[WARNING\] .*" + marker, warnings.Out);
        var errors = await OkAsync("log", "peek", "--level", "error");
        Assert.DoesNotContain(marker, errors.Out);
    }
}
