namespace Serenity.Cluster.Membership;

/// <summary>The cluster events between two views of the membership (pure: the provider feeds it table reads).</summary>
public static class MembershipDiff
{
    /// <summary>Events that turn <paramref name="before"/> into <paramref name="after"/>, in a stable order.</summary>
    public static IReadOnlyList<ClusterEvent> Between(IReadOnlyCollection<Member> before, IReadOnlyCollection<Member> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.ToDictionary(m => m.NodeId, StringComparer.Ordinal);
        var events = new List<ClusterEvent>();
        foreach (var m in after.OrderBy(m => m.NodeId, StringComparer.Ordinal))
        {
            if (!old.Remove(m.NodeId, out var was))
            {
                events.AddRange(Arrived(m));
                continue;
            }
            if (was.Incarnation != m.Incarnation)
            {
                events.Add(new MemberRemoved(was with { Status = MemberStatus.Removed }));
                events.AddRange(Arrived(m));
                continue;
            }
            if (was.Status != m.Status && StatusEvent(m) is { } e) events.Add(e);
            if (was.Reachable != m.Reachable) events.Add(m.Reachable ? new ReachableMember(m) : new UnreachableMember(m));
        }
        foreach (var gone in old.Values.OrderBy(m => m.NodeId, StringComparer.Ordinal))
        {
            if (gone.Status != MemberStatus.Removed) events.Add(new MemberRemoved(gone with { Status = MemberStatus.Removed }));
        }
        return events;
    }

    private static IEnumerable<ClusterEvent> Arrived(Member m)
    {
        if (m.Status == MemberStatus.Removed) yield break;
        yield return new MemberJoined(m);
        if (m.Status != MemberStatus.Joining && StatusEvent(m) is { } e) yield return e;
        if (!m.Reachable) yield return new UnreachableMember(m);
    }

    private static ClusterEvent? StatusEvent(Member m) => m.Status switch
    {
        MemberStatus.Up => new MemberUp(m),
        MemberStatus.Leaving => new MemberLeft(m),
        MemberStatus.Exiting => new MemberExited(m),
        MemberStatus.Down => new MemberDowned(m),
        MemberStatus.Removed => new MemberRemoved(m),
        _ => null,
    };
}
