namespace Serenity.Cluster.Membership;

/// <summary>A member's life cycle (Akka.Cluster's): Joining -> Up -> Leaving -> Exiting -> Removed, or Down when it stopped answering.</summary>
public enum MemberStatus
{
    /// <summary>Registered, not yet serving.</summary>
    Joining,

    /// <summary>Serving: owns shards and singletons of its roles.</summary>
    Up,

    /// <summary>Leaving gracefully: handing its shards off.</summary>
    Leaving,

    /// <summary>Hand-off done; about to stop.</summary>
    Exiting,

    /// <summary>Declared dead after missing heartbeats past <c>unreachable-after</c> + <c>stable-after</c>.</summary>
    Down,

    /// <summary>Gone for good.</summary>
    Removed,
}

/// <summary>One node as the membership table shows it.</summary>
/// <param name="NodeId">Unique node name (<c>serenity.cluster.node-name</c>).</param>
/// <param name="Address">Where the node says it can be reached (informational: traffic goes through RabbitMQ).</param>
/// <param name="Roles">The node's roles (<c>ingest</c>, <c>trading</c>, <c>web</c>).</param>
/// <param name="Status">Its life-cycle status.</param>
/// <param name="Incarnation">Bumped on every start of the same node name.</param>
/// <param name="Reachable">False while its heartbeat is older than <c>unreachable-after</c>.</param>
public sealed record Member(string NodeId, string Address, IReadOnlySet<string> Roles, MemberStatus Status, long Incarnation, bool Reachable)
{
    /// <summary>True if the member has <paramref name="role"/> (an empty role matches every member).</summary>
    public bool HasRole(string? role) => string.IsNullOrEmpty(role) || Roles.Contains(role);
}
