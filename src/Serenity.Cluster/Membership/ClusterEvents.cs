namespace Serenity.Cluster.Membership;

/// <summary>Membership changes, published on the system's event stream (subscribe to <see cref="ClusterEvent"/> or a subtype).</summary>
public abstract record ClusterEvent(Member Member);

/// <summary>A member registered.</summary>
public sealed record MemberJoined(Member Member) : ClusterEvent(Member);

/// <summary>A member is Up.</summary>
public sealed record MemberUp(Member Member) : ClusterEvent(Member);

/// <summary>A member started to leave.</summary>
public sealed record MemberLeft(Member Member) : ClusterEvent(Member);

/// <summary>A member finished handing off.</summary>
public sealed record MemberExited(Member Member) : ClusterEvent(Member);

/// <summary>A member missed heartbeats past <c>unreachable-after</c>.</summary>
public sealed record UnreachableMember(Member Member) : ClusterEvent(Member);

/// <summary>An unreachable member heartbeats again.</summary>
public sealed record ReachableMember(Member Member) : ClusterEvent(Member);

/// <summary>A member was declared Down.</summary>
public sealed record MemberDowned(Member Member) : ClusterEvent(Member);

/// <summary>A member is gone (removed, or replaced by a new incarnation).</summary>
public sealed record MemberRemoved(Member Member) : ClusterEvent(Member);
