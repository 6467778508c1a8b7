namespace Serenity.Cluster.RabbitMq.Sharding;

/// <summary>
/// Least-shards-first allocation: n shards over m eligible members (ordered by id) give each member
/// n / m, and the first n mod m members one more. Pure, so every node computes the same targets.
/// </summary>
internal static class ShardAllocation
{
    /// <summary>The number of shards <paramref name="member"/> should own (0 if it is not eligible).</summary>
    public static int Target(int numberOfShards, IReadOnlyList<string> eligibleMembers, string member)
    {
        var rank = -1;
        for (var i = 0; i < eligibleMembers.Count; i++)
        {
            if (eligibleMembers[i] == member) rank = i;
        }
        if (rank < 0) return 0;
        var m = eligibleMembers.Count;
        return numberOfShards / m + (rank < numberOfShards % m ? 1 : 0);
    }
}
