using System.Net.Http.Json;
using System.Text.Json;
using Serenity.Cmd.Tests.Support;

namespace Serenity.Cmd.Tests.Cluster;

/// <summary>
/// pbm's <c>cluster</c> and <c>cluster-sharding</c> palettes against three real nodes in cluster mode. The reading
/// commands run first (step 1); then one node leaves and another is killed and downed (step 2); then a new node
/// joins, takes its share of the shards, and is stopped with SIGTERM while users keep asking for their accounts (step 3).
/// </summary>
[Collection(PbmClusterCollection.Name)]
[TestCaseOrderer(StepOrderer.TypeName, StepOrderer.AssemblyName)]
public sealed class ClusterCommandTests(PbmClusterFixture cluster)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private string A => cluster.Nodes[0].Address;

    [Fact]
    [Step(1)]
    public async Task Show_lists_the_three_up_members_then_the_count()
    {
        var run = await OkAsync(A, "cluster", "show");
        foreach (var node in cluster.Nodes)
        {
            Assert.Matches($@"{Escape(node.Address)}\s+{node.Name}\s+ingest, trading, web\s+up\s+yes", run.Out);
        }
        Assert.EndsWith("Count: 3 nodes", run.Out.TrimEnd());

        using var json = JsonDocument.Parse((await OkAsync(A, "cluster", "show", "--json")).Out);
        var root = json.RootElement;
        Assert.Equal("cluster", root.GetProperty("provider").GetString());
        Assert.Equal(3, root.GetProperty("count").GetInt32());
        var members = root.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(cluster.Nodes.Select(n => n.Address).Order(StringComparer.Ordinal), members.Select(m => m.GetProperty("address").GetString()));
        foreach (var m in members)
        {
            Assert.Equal("up", m.GetProperty("status").GetString());
            Assert.True(m.GetProperty("reachable").GetBoolean());
            Assert.Equal(["ingest", "trading", "web"], m.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            Assert.True(m.GetProperty("incarnation").GetInt64() >= 1);
            Assert.StartsWith("pbm-", m.GetProperty("node").GetString());
        }
    }

    [Fact]
    [Step(1)]
    public async Task Status_and_leader_agree_on_every_node()
    {
        var leader = cluster.Nodes.Select(n => n.Address).Order(StringComparer.Ordinal).First();
        foreach (var node in cluster.Nodes)
        {
            Assert.Equal(leader, (await OkAsync(node.Address, "cluster", "leader")).Out.Trim());
            var status = await OkAsync(node.Address, "cluster", "status");
            Assert.Matches(@"Provider:\s+cluster", status.Out);
            Assert.Matches($@"This node:\s+{Escape(node.Address)}", status.Out);
            Assert.Matches(@"Members:\s+3", status.Out);
            Assert.Matches(@"Up:\s+3", status.Out);
            Assert.Matches(@"Unreachable:\s+0", status.Out);
        }
        using var json = JsonDocument.Parse((await OkAsync(A, "cluster", "leader", "--json")).Out);
        Assert.Equal(leader, json.RootElement.GetProperty("leader").GetString());
    }

    [Fact]
    [Step(1)]
    public async Task Region_stats_and_shard_stats_count_on_every_node()
    {
        // Every node holds a share of the ticker shards (the first node took them all, then handed some off), and the
        // market board's ticker entities run somewhere.
        var stats = await Poll.UntilAsync(() => JsonAsync(A, "cluster-sharding", "region-stats", "-r", "ticker"), s =>
        {
            var nodes = s.GetProperty("nodes").EnumerateArray().ToList();
            return nodes.Count == 3 && nodes.All(n => n.GetProperty("shards").ValueKind == JsonValueKind.Number && n.GetProperty("shards").GetInt32() > 0)
                && nodes.Sum(n => n.GetProperty("shards").GetInt32()) == PbmClusterFixture.Shards
                && nodes.Sum(n => n.GetProperty("entities").GetInt32()) >= 4;
        }, Bound, "ticker shards spread over the three nodes, entities running", s => s.ToString());
        var entities = stats.GetProperty("nodes").EnumerateArray().Sum(n => n.GetProperty("entities").GetInt32());
        Assert.Equal(cluster.Nodes.Select(n => n.Address).Order(StringComparer.Ordinal), stats.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("node").GetString()));

        var table = await OkAsync(A, "cluster-sharding", "region-stats", "-r", "ticker");
        Assert.StartsWith("Region: ticker", table.Out);
        foreach (var node in cluster.Nodes) Assert.Matches($@"{Escape(node.Address)}\s+\d+\s+\d+", table.Out);

        var shards = await OkAsync(cluster.Nodes[1].Address, "cluster-sharding", "shard-stats", "-r", "ticker");
        Assert.Equal(PbmClusterFixture.Shards, cluster.Nodes.Sum(n => CountMatches(shards.Out, $@"(?m)^\s*{Escape(n.Address)}\s+\d+\s+\d+")));
        // More ticker entities may have started since region-stats (the market board asks every symbol's ticker).
        var total = System.Text.RegularExpressions.Regex.Match(shards.Out, @"Total: (\d+) entities");
        Assert.True(total.Success, shards.Out);
        Assert.InRange(int.Parse(total.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), entities, int.MaxValue);

        var regions = await OkAsync(A, "cluster-sharding", "regions");
        Assert.Matches(@"ticker\s+\d+\s+\d+", regions.Out);
        Assert.Matches(@"account\s+\d+\s+\d+", regions.Out);
    }

    [Fact]
    [Step(1)]
    public async Task Exit_codes_tell_failure_usage_and_unreachable_apart()
    {
        var notMember = await PbmRun.RunAsync([A, "cluster", "leave", "10.9.9.9:1"], PbmClusterFixture.Token);
        Assert.Equal(ExitCodes.Failed, notMember.ExitCode);
        Assert.Contains("no member with that address", notMember.Error);
        var join = await PbmRun.RunAsync([A, "cluster", "join", "10.9.9.9:1"], PbmClusterFixture.Token);
        Assert.Equal(ExitCodes.Failed, join.ExitCode);
        Assert.Contains("a node joins by starting with this cluster's settings", join.Error);
        var refused = await PbmRun.RunAsync([A, "cluster", "show"], "wrong-token");
        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
        Assert.Contains("admin token", refused.Error);
        var usage = await PbmRun.RunAsync([A, "cluster", "down"], PbmClusterFixture.Token);
        Assert.Equal(ExitCodes.Usage, usage.ExitCode);
        var unreachable = await PbmRun.RunAsync([ClosedPort.Address(), "cluster", "show"], PbmClusterFixture.Token);
        Assert.Equal(ExitCodes.Unreachable, unreachable.ExitCode);
        Assert.Contains("cannot reach the node", unreachable.Error);
    }

    [Fact]
    [Step(2)]
    public async Task Leave_makes_a_node_exit_and_down_marks_a_killed_node_down_while_tail_shows_it()
    {
        var (b, c) = (cluster.Nodes[1], cluster.Nodes[2]);
        var tail = new SignalWriter();
        using var stopTail = new CancellationTokenSource();
        var tailRun = Pbm.RunAsync([A, "cluster", "tail"], new PbmIo(tail, new SignalWriter(), TextReader.Null, false, PbmClusterFixture.Token), stopTail.Token);
        await tail.WaitForAsync($"MemberUp {c.Address} status=up").WaitAsync(Bound);

        // Leave, asked of node A for node C: C hands its shards off, exits the cluster and stops.
        var leave = await OkAsync(A, "cluster", "leave", c.Address);
        Assert.Contains("is leaving", leave.Out);
        await Poll.UntilAsync(() => PbmClusterFixture.MembersAsync(A), m => m.Count == 2 && m.All(x => x.Address != c.Address), Bound, "C gone from cluster show",
            m => string.Join(", ", m));
        await c.WaitForExitAsync(Bound);
        Assert.Equal(0, c.ExitCode);
        // The events come from reading the membership table every heartbeat: Leaving and Exiting may pass unseen, Removed is always seen.
        await tail.WaitForAsync($"MemberRemoved {c.Address} status=removed").WaitAsync(Bound);
        Assert.Contains("Count: 2 nodes", (await OkAsync(A, "cluster", "show")).Out);
        await Poll.UntilAsync(() => PbmClusterFixture.MembersAsync(b.Address), m => m.Count == 2, Bound, "C gone from B's view too", m => string.Join(", ", m));

        // Down, of node B killed with SIGKILL: unreachable first (stable-after is long), then down by the operator.
        b.Kill9();
        await tail.WaitForAsync($"UnreachableMember {b.Address}").WaitAsync(Bound);
        // Not down yet: region-stats still asks B, and says why B's numbers are missing instead of guessing them.
        var unanswered = await OkAsync(A, "cluster-sharding", "region-stats", "-r", "ticker");
        Assert.Contains($"{b.Address}: not counted: its admin endpoint at {b.Address} did not answer", unanswered.Out);
        Assert.Matches($@"{Escape(b.Address)}\s+-\s+-", unanswered.Out);
        var down = await OkAsync(A, "cluster", "down", b.Address);
        Assert.Contains("marked down", down.Out);
        await tail.WaitForAsync($"MemberDowned {b.Address} status=down").WaitAsync(Bound);
        var show = await OkAsync(A, "cluster", "show");
        Assert.Matches($@"{Escape(b.Address)}\s+{b.Name}\s+ingest, trading, web\s+down\s+no", show.Out);
        Assert.Matches($@"{Escape(A)}\s+{cluster.Nodes[0].Name}\s+ingest, trading, web\s+up\s+yes", show.Out);
        Assert.Equal("no unreachable member to mark down", (await OkAsync(A, "cluster", "down-unreachable")).Out.Trim());

        // The survivor takes every ticker shard once the dead node's leases ran out.
        await Poll.UntilAsync(() => JsonAsync(A, "cluster-sharding", "region-stats", "-r", "ticker"), s =>
        {
            var nodes = s.GetProperty("nodes").EnumerateArray().ToList();
            return nodes.Count == 1 && nodes[0].GetProperty("shards").GetInt32() == PbmClusterFixture.Shards;
        }, Bound, "A holding every ticker shard", s => s.ToString());

        stopTail.Cancel();
        Assert.Equal(ExitCodes.Ok, await tailRun.WaitAsync(Bound));
    }

    [Fact]
    [Step(3)]
    public async Task A_joining_node_takes_its_share_and_on_SIGTERM_hands_it_back_without_a_failed_request()
    {
        var d = await cluster.JoinAsync("pbm-d");
        await Poll.UntilAsync(() => JsonAsync(A, "cluster-sharding", "region-stats", "-r", "account"), s =>
        {
            var nodes = s.GetProperty("nodes").EnumerateArray().ToList();
            return nodes.Count == 2 && nodes.All(n => n.GetProperty("shards").ValueKind == JsonValueKind.Number && n.GetProperty("shards").GetInt32() > 0)
                && nodes.Sum(n => n.GetProperty("shards").GetInt32()) == PbmClusterFixture.Shards;
        }, Bound, "D holding its share of the account shards", s => s.ToString());

        // 24 users through A: with D holding about half the shards, some accounts live on D (all on A: 1 in 2^24).
        using var http = new HttpClient { BaseAddress = cluster.Nodes[0].BaseAddress, Timeout = Bound };
        var tokens = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => UserTokenAsync(http, $"sigterm-user-{i}")));
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var answered = 0;
        var firstRound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var readers = tokens.Select(async token =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account");
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode) { if (Interlocked.Increment(ref answered) >= tokens.Length) firstRound.TrySetResult(); }
                else failures.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }).ToList();
        await firstRound.Task.WaitAsync(Bound);
        var before = await JsonAsync(A, "cluster-sharding", "region-stats", "-r", "account");
        var onD = before.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("node").GetString() == d.Address);
        Assert.True(onD.GetProperty("entities").GetInt32() > 0, $"no account entity on D, so its SIGTERM would test nothing: {before}");

        d.Terminate();
        await d.WaitForExitAsync(Bound);
        Assert.True(d.ExitCode == 0, $"D exited with {d.ExitCode}:\n{d.Output}");
        await Poll.UntilAsync(() => JsonAsync(A, "cluster-sharding", "region-stats", "-r", "account"), s =>
        {
            var nodes = s.GetProperty("nodes").EnumerateArray().ToList();
            return nodes.Count == 1 && nodes[0].GetProperty("shards").GetInt32() == PbmClusterFixture.Shards;
        }, Bound, "A holding every account shard again", s => s.ToString());
        var afterHandOff = Volatile.Read(ref answered);
        await Poll.UntilAsync(() => Task.FromResult(Volatile.Read(ref answered)), n => n >= afterHandOff + tokens.Length, Bound, "every user answered after the hand-off", n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await stop.CancelAsync();
        await Task.WhenAll(readers).WaitAsync(Bound);

        Assert.True(failures.IsEmpty, $"{failures.Count} requests failed during the hand-off, e.g. {failures.FirstOrDefault()}");
    }

    private static async Task<string> UserTokenAsync(HttpClient http, string user)
    {
        var credentials = new { user_id = user, password = "correct horse battery" };
        using var registered = await http.PostAsJsonAsync("/api/register", credentials);
        Assert.True(registered.IsSuccessStatusCode, $"register {user}: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
        using var login = await http.PostAsJsonAsync("/api/login", credentials);
        Assert.True(login.IsSuccessStatusCode, $"login {user}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    private static async Task<PbmRun> OkAsync(params string[] args)
    {
        var run = await PbmRun.RunAsync(args, PbmClusterFixture.Token);
        Assert.True(run.ExitCode == ExitCodes.Ok, $"pbm {string.Join(' ', args)}: exit {run.ExitCode}: {run.Error}");
        return run;
    }

    private static async Task<JsonElement> JsonAsync(params string[] args) => JsonDocument.Parse((await OkAsync([.. args, "--json"])).Out).RootElement;

    private static string Escape(string s) => System.Text.RegularExpressions.Regex.Escape(s);

    private static int CountMatches(string text, string pattern) => System.Text.RegularExpressions.Regex.Matches(text, pattern).Count;
}
