using System.Runtime.CompilerServices;
using Serenity.Actors;
using Serenity.Cluster.Membership;
using Serenity.Cluster.Sharding;

namespace Serenity.Server.Admin;

/// <summary>
/// The local provider's membership, told truthfully: one member (this node), Up, reachable, its own leader. Join,
/// leave and down are refused: a single in-process node has no cluster to change.
/// </summary>
public sealed class LocalClusterAdmin : IClusterAdmin
{
    private readonly ActorSystem _system;
    private readonly TimeSpan _askTimeout;
    private const string NotSupported = "not supported by the local provider (serenity.actor.provider = local): this node is a cluster of one";

    /// <summary>
    /// Creates the view of <paramref name="system"/>, addressed as <paramref name="address"/> (the admin listener's
    /// host:port); questions to the shard regions wait at most <paramref name="askTimeout"/> (default 5 s).
    /// </summary>
    public LocalClusterAdmin(ActorSystem system, string address, TimeSpan? askTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        _askTimeout = askTimeout ?? TimeSpan.FromSeconds(5);
        var config = system.Settings.Config;
        var roles = config.GetStringList("serenity.cluster.roles", []);
        var name = config.GetString("serenity.cluster.node-name", system.Name);
        Self = new Member(name.Length == 0 ? system.Name : name, address, new SortedSet<string>(roles, StringComparer.Ordinal), MemberStatus.Up, 1, true);
    }

    /// <inheritdoc />
    public string Provider => "local";

    /// <inheritdoc />
    public Member Self { get; }

    /// <inheritdoc />
    public IReadOnlyList<Member> Members() => [Self];

    /// <inheritdoc />
    public string? Leader() => Self.Address;

    /// <inheritdoc />
    public Task<ClusterCommandResult> JoinAsync(string address, CancellationToken cancellationToken) => Task.FromResult(ClusterCommandResult.Failed($"cluster join {address}: {NotSupported}"));

    /// <inheritdoc />
    public Task<ClusterCommandResult> LeaveAsync(string address, CancellationToken cancellationToken) => Task.FromResult(ClusterCommandResult.Failed($"cluster leave {address}: {NotSupported}"));

    /// <inheritdoc />
    public Task<ClusterCommandResult> DownAsync(string address, CancellationToken cancellationToken) => Task.FromResult(ClusterCommandResult.Failed($"cluster down {address}: {NotSupported}"));

    /// <inheritdoc />
    public Task<ClusterCommandResult> DownUnreachableAsync(CancellationToken cancellationToken) => Task.FromResult(ClusterCommandResult.Failed($"cluster down-unreachable: {NotSupported}"));

    /// <inheritdoc />
    public async IAsyncEnumerable<ClusterEvent> EventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new MemberUp(Self);
        // A cluster of one never changes: wait for the client to go away.
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> LocalShardsAsync(string typeName, CancellationToken cancellationToken) =>
        (await ClusterSharding.Get(_system).ShardRegion(typeName).Ask<ShardRegionStats>(GetShardRegionStats.Instance, _askTimeout, cancellationToken)).Stats;
}
