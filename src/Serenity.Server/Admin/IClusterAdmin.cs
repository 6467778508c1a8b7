using Serenity.Cluster.Membership;

namespace Serenity.Server.Admin;

/// <summary>
/// What the <c>cluster</c> palette of <c>pbm</c> needs from a membership provider. The local provider answers for one
/// node (<see cref="LocalClusterAdmin"/>); the cluster provider plugs its membership table in through
/// <see cref="CmdListenerOptions.Cluster"/>.
/// </summary>
public interface IClusterAdmin
{
    /// <summary>The provider's name (<c>local</c>, <c>cluster</c>).</summary>
    string Provider { get; }

    /// <summary>This node as a member.</summary>
    Member Self { get; }

    /// <summary>Every member the node knows of now, this one included.</summary>
    IReadOnlyList<Member> Members();

    /// <summary>The leader's address, or null while there is none.</summary>
    string? Leader();

    /// <summary>Asks the cluster to let <paramref name="address"/> join.</summary>
    Task<ClusterCommandResult> JoinAsync(string address, CancellationToken cancellationToken);

    /// <summary>Asks the member at <paramref name="address"/> to leave gracefully.</summary>
    Task<ClusterCommandResult> LeaveAsync(string address, CancellationToken cancellationToken);

    /// <summary>Marks the member at <paramref name="address"/> down.</summary>
    Task<ClusterCommandResult> DownAsync(string address, CancellationToken cancellationToken);

    /// <summary>Marks every unreachable member down.</summary>
    Task<ClusterCommandResult> DownUnreachableAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The current members as <see cref="MemberUp"/>/<see cref="MemberJoined"/>/... events, then every membership
    /// change, until <paramref name="cancellationToken"/> is cancelled (the sequence then ends without an exception).
    /// </summary>
    IAsyncEnumerable<ClusterEvent> EventsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The shards of <paramref name="typeName"/> this node hosts now, each with the entities it runs (a node can count
    /// only its own entities; <c>region-stats</c> and <c>shard-stats</c> ask every member for this).
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> LocalShardsAsync(string typeName, CancellationToken cancellationToken);
}

/// <summary>The outcome of a membership command: <paramref name="Succeeded"/>, and what happened or why not.</summary>
public sealed record ClusterCommandResult(bool Succeeded, string Message)
{
    /// <summary>A success.</summary>
    public static ClusterCommandResult Ok(string message) => new(true, message);

    /// <summary>A failure with its reason.</summary>
    public static ClusterCommandResult Failed(string reason) => new(false, reason);
}
