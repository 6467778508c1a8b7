using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Serenity.Cluster.Membership;

namespace Serenity.Server.Admin.Cluster;

/// <summary>One member's shards of a region (shard id → entities), or why they could not be counted.</summary>
internal sealed record NodeShards(string Node, IReadOnlyDictionary<string, int>? Shards, string? Error);

/// <summary>
/// Counts a region's shards and entities on every member. A node can count only its own entities, so this node answers
/// for itself and asks each other member's admin endpoint (its cluster address, <c>/pbm/v1/sharding/shard-stats?scope=node</c>,
/// with this node's admin token: the nodes of a cluster share one). A member that does not answer is listed with the
/// reason instead of a guess.
/// </summary>
internal static class MemberShardStats
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<IReadOnlyList<NodeShards>> GatherAsync(CmdContext cmd, string typeName, CancellationToken cancellationToken)
    {
        var self = cmd.Cluster.Self;
        var members = cmd.Cluster.Members()
            .Where(m => m.Status is not (MemberStatus.Down or MemberStatus.Removed))
            .OrderBy(m => m.Address, StringComparer.Ordinal).ToList();
        if (!members.Any(m => m.NodeId == self.NodeId)) members.Insert(0, self);
        var answers = members.Select(m => m.NodeId == self.NodeId ? LocalAsync(cmd, m.Address, typeName, cancellationToken) : RemoteAsync(cmd, m, typeName, cancellationToken));
        return await Task.WhenAll(answers);
    }

    /// <summary>This node's shards, addressed as <paramref name="node"/>.</summary>
    public static async Task<NodeShards> LocalAsync(CmdContext cmd, string node, string typeName, CancellationToken cancellationToken) =>
        new(node, await cmd.Cluster.LocalShardsAsync(typeName, cancellationToken), null);

    private static async Task<NodeShards> RemoteAsync(CmdContext cmd, Member member, string typeName, CancellationToken cancellationToken)
    {
        var uri = $"http://{member.Address}{CmdListener.Prefix}/sharding/shard-stats?scope=node&type={Uri.EscapeDataString(typeName)}";
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (cmd.AdminToken is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await s_http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) return new(member.Address, null, $"its admin endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var shards = body.GetProperty("shards").EnumerateArray()
                .ToDictionary(s => s.GetProperty("shard").GetString() ?? "", s => s.GetProperty("entities").GetInt32(), StringComparer.Ordinal);
            return new(member.Address, shards, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException or UriFormatException)
        {
            if (cancellationToken.IsCancellationRequested) throw;
            return new(member.Address, null, $"not counted: its admin endpoint at {member.Address} did not answer ({e.GetType().Name}: {e.Message})");
        }
    }
}
