using System.Text.Json;
using Serenity.Cmd.Tests.Support;

namespace Serenity.Cmd.Tests.Node;

/// <summary><c>--json</c> prints the node's answer as one JSON document with the documented fields.</summary>
[Collection(NodeCollection.Name)]
public sealed class JsonShapeTests(NodeFixture node)
{
    [Theory]
    [InlineData("actor system", "name,address,provider,started,uptime_seconds,dead_letters,log_level")]
    [InlineData("actor hierarchy -d 2", "path,depth,count,actors,truncated")]
    [InlineData("cluster show", "provider,members,count")]
    [InlineData("cluster status", "provider,self,leader,members,up,unreachable")]
    [InlineData("cluster leader", "leader")]
    [InlineData("cluster-sharding regions", "node,regions")]
    [InlineData("cluster-sharding region-stats -r ticker", "type,nodes")]
    [InlineData("cluster-sharding shard-stats -r ticker", "type,shards,entities,unavailable")]
    [InlineData("market-data status", "source,symbols,state,connection,reconnects,quotes_accepted,quotes_delivered,quotes_dropped,rate_in_per_second,rate_out_per_second,cleaning_dropped,bars_emitted")]
    [InlineData("market-data buckets --top 2", "time,keys,total")]
    [InlineData("journal stats", "plugin,store,state,snapshot_plugin,sqlite_path,entities")]
    [InlineData("account show alice", "user,cash,buying_power,open_orders,holdings")]
    [InlineData("portfolio show alice", "user,cash,realized_pnl,positions")]
    [InlineData("risk show alice", "user_id,snapshot,history")]
    [InlineData("log peek -n 5", "level,capacity,lines")]
    public async Task Json_has_the_fields(string command, string fields)
    {
        var run = await PbmRun.RunAsync([node.Open.Address, .. command.Split(' '), "--json"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        foreach (var field in fields.Split(',')) Assert.True(doc.RootElement.TryGetProperty(field, out _), $"{command}: no '{field}' in {run.Out}");
    }

    [Fact]
    public async Task Json_values_are_typed()
    {
        var members = JsonDocument.Parse((await PbmRun.RunAsync([node.Open.Address, "cluster", "show", "--json"])).Out).RootElement;
        Assert.Equal(1, members.GetProperty("count").GetInt32());
        var member = members.GetProperty("members")[0];
        Assert.Equal("up", member.GetProperty("status").GetString());
        Assert.True(member.GetProperty("reachable").GetBoolean());
        Assert.Equal(JsonValueKind.Array, member.GetProperty("roles").ValueKind);

        var buckets = JsonDocument.Parse((await PbmRun.RunAsync([node.Open.Address, "market-data", "buckets", "--top", "2", "--json"])).Out).RootElement;
        var keys = buckets.GetProperty("keys");
        Assert.Equal(2, keys.GetArrayLength());
        Assert.True(keys[0].GetProperty("accepted").GetInt64() >= keys[1].GetProperty("accepted").GetInt64());
        foreach (var f in new[] { "symbol", "delivered", "dropped", "conflated", "queue_length", "threshold", "staleness_ms", "last_wait_ms" }) Assert.True(keys[0].TryGetProperty(f, out _), f);

        var account = JsonDocument.Parse((await PbmRun.RunAsync([node.Open.Address, "account", "show", "alice", "--json"])).Out).RootElement;
        Assert.Equal("AAPL", account.GetProperty("holdings")[0].GetProperty("symbol").GetString());
        Assert.Equal(3m, account.GetProperty("holdings")[0].GetProperty("quantity").GetDecimal());

        var portfolio = JsonDocument.Parse((await PbmRun.RunAsync([node.Open.Address, "portfolio", "show", "alice", "--json"])).Out).RootElement;
        var position = portfolio.GetProperty("positions")[0];
        Assert.Equal("AAPL", position.GetProperty("symbol").GetString());
        Assert.Equal(3m, position.GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task A_failure_with_json_still_goes_to_standard_error_with_exit_1()
    {
        var run = await PbmRun.RunAsync([node.Open.Address, "cluster", "join", "10.0.0.7:9110", "--json"]);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("not supported by the local provider", run.Error);
    }
}
