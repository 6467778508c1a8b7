namespace Serenity.Trading.Tests;

/// <summary>The ring the long-lived histories live in: the newest values, oldest first, growing only as values come.</summary>
public sealed class BoundedRingTests
{
    [Fact]
    public void It_grows_past_its_first_array_and_then_keeps_only_the_newest_in_order()
    {
        var ring = new BoundedRing<int>(capacity: 40);
        for (var i = 0; i < 25; i++) ring.Add(i); // past the first array of 16
        Assert.Equal(Enumerable.Range(0, 25), Values(ring));

        for (var i = 25; i < 100; i++) ring.Add(i);
        Assert.Equal(Enumerable.Range(60, 40), Values(ring));

        ring[39] = -1; // the newest, in place
        Assert.Equal(-1, ring[ring.Count - 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring[40]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring[-1]);

        ring.Clear();
        Assert.Empty(Values(ring));
        ring.Add(7);
        Assert.Equal([7], Values(ring));
    }

    [Fact]
    public void A_capacity_below_one_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedRing<int>(0));

    private static List<int> Values(BoundedRing<int> ring) => [.. Enumerable.Range(0, ring.Count).Select(i => ring[i])];
}
