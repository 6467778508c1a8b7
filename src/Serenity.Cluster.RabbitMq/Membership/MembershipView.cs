using Serenity.Cluster.Membership;

namespace Serenity.Cluster.RabbitMq.Membership;

/// <summary>The latest membership this node read, shared (read-only snapshots) with its shard managers and singletons.</summary>
internal sealed class MembershipView
{
    private volatile IReadOnlyList<Member> _members = [];
    private volatile Member? _self;

    /// <summary>Every member not Removed, as last read.</summary>
    public IReadOnlyList<Member> Members => _members;

    /// <summary>This node as last read (null before it registered).</summary>
    public Member? Self => _self;

    /// <summary>True while this node is leaving (or left): it gives its shards away and takes none.</summary>
    public bool Leaving => _self is { Status: MemberStatus.Leaving or MemberStatus.Exiting or MemberStatus.Down or MemberStatus.Removed };

    /// <summary>Up and reachable members with <paramref name="role"/>, ordered by node id.</summary>
    public IReadOnlyList<Member> Eligible(string role) =>
        _members.Where(m => m.Status == MemberStatus.Up && m.Reachable && m.HasRole(role)).OrderBy(m => m.NodeId, StringComparer.Ordinal).ToList();

    /// <summary>Replaces the view.</summary>
    public void Update(IReadOnlyList<Member> members, Member? self)
    {
        _members = members;
        _self = self;
    }
}
