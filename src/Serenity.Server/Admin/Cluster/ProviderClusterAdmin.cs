using Serenity.Actors;
using Serenity.Cluster.Membership;
using Serenity.Cluster.RabbitMq;
using Serenity.Cluster.Sharding;

namespace Serenity.Server.Admin.Cluster;

/// <summary>
/// The cluster provider's membership (<c>serenity.actor.provider = cluster</c>) for <c>pbm</c>: the members as this node
/// last read them from PostgreSQL (every heartbeat), leave and down written to the membership table, the events of the
/// node's event stream. Members are named by their address (<c>serenity.cluster.address</c>, by default the admin
/// endpoint) or their node name.
/// </summary>
internal sealed class ProviderClusterAdmin(ActorSystem system, RabbitMqClusterProvider provider, TimeSpan askTimeout) : IClusterAdmin
{
    /// <inheritdoc />
    public string Provider => "cluster";

    /// <inheritdoc />
    public Member Self => provider.SelfMember
        // Not read yet (the first heartbeat is under way): what the node registered as.
        ?? new Member(provider.Settings.NodeName, provider.Settings.Address, provider.Settings.Roles, MemberStatus.Joining, 0, true);

    /// <inheritdoc />
    public IReadOnlyList<Member> Members() => provider.Members;

    /// <summary>
    /// Akka's rule: the first reachable Up (or Leaving) member by address. Serenity's cluster gives the leader no duties
    /// (any node downs silent members; shards go by leases), so this is what an operator reads, not who decides.
    /// </summary>
    public string? Leader() => provider.Members
        .Where(m => m.Reachable && m.Status is MemberStatus.Up or MemberStatus.Leaving)
        .OrderBy(m => m.Address, StringComparer.Ordinal).ThenBy(m => m.NodeId, StringComparer.Ordinal)
        .FirstOrDefault()?.Address;

    /// <inheritdoc />
    public Task<ClusterCommandResult> JoinAsync(string address, CancellationToken cancellationToken) => Task.FromResult(Find(address) is { } m
        ? ClusterCommandResult.Ok($"{Describe(m)} is already a member ({Status(m)})")
        : ClusterCommandResult.Failed($"cluster join {address}: a node joins by starting with this cluster's settings (serenity.cluster, the same PostgreSQL and RabbitMQ); there is no seed node to contact"));

    /// <inheritdoc />
    public async Task<ClusterCommandResult> LeaveAsync(string address, CancellationToken cancellationToken)
    {
        if (Find(address) is not { } m) return NotAMember("leave", address);
        if (m.Status is MemberStatus.Leaving or MemberStatus.Exiting) return ClusterCommandResult.Ok($"{Describe(m)} is already leaving ({Status(m)})");
        return await provider.RequestLeaveAsync(m)
            ? ClusterCommandResult.Ok($"{Describe(m)} is leaving: it hands its shards off, then exits")
            : ClusterCommandResult.Failed($"cluster leave {address}: {Describe(m)} is {Status(m)}, only a joining or up member can leave");
    }

    /// <inheritdoc />
    public async Task<ClusterCommandResult> DownAsync(string address, CancellationToken cancellationToken)
    {
        if (Find(address) is not { } m) return NotAMember("down", address);
        if (m.Status == MemberStatus.Down) return ClusterCommandResult.Ok($"{Describe(m)} is already down");
        return await provider.DownAsync(m)
            ? ClusterCommandResult.Ok($"{Describe(m)} marked down{(m.Reachable ? " (it was reachable: a live node joins again)" : "")}")
            : ClusterCommandResult.Failed($"cluster down {address}: {Describe(m)} changed meanwhile; run cluster show");
    }

    /// <inheritdoc />
    public async Task<ClusterCommandResult> DownUnreachableAsync(CancellationToken cancellationToken)
    {
        var downed = new List<string>();
        foreach (var m in provider.Members.Where(m => !m.Reachable && m.Status != MemberStatus.Down))
        {
            if (await provider.DownAsync(m)) downed.Add(Describe(m));
        }
        return ClusterCommandResult.Ok(downed.Count == 0 ? "no unreachable member to mark down" : "marked down: " + string.Join(", ", downed));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ClusterEvent> EventsAsync(CancellationToken cancellationToken) => ClusterEventFeed.ReadAsync(system, Members, cancellationToken);

    /// <summary>The shards this node owns (leases held), each with the entities it runs now.</summary>
    public async Task<IReadOnlyDictionary<string, int>> LocalShardsAsync(string typeName, CancellationToken cancellationToken)
    {
        var owned = await provider.OwnedShardsAsync(askTimeout);
        var running = await ClusterSharding.Get(system).ShardRegion(typeName).Ask<ShardRegionStats>(GetShardRegionStats.Instance, askTimeout, cancellationToken);
        var shards = new Dictionary<string, int>(running.Stats, StringComparer.Ordinal);
        if (owned.TryGetValue(typeName, out var epochs))
        {
            foreach (var shard in epochs.Keys) shards.TryAdd(shard, 0);
        }
        return shards;
    }

    private Member? Find(string address) =>
        provider.Members.FirstOrDefault(m => m.Address == address) ?? provider.Members.FirstOrDefault(m => m.NodeId == address);

    private static ClusterCommandResult NotAMember(string verb, string address) =>
        ClusterCommandResult.Failed($"cluster {verb} {address}: no member with that address or node name (run cluster show)");

    private static string Describe(Member m) => $"{m.Address} ({m.NodeId})";

    private static string Status(Member m) => m.Status.ToString().ToLowerInvariant();
}
