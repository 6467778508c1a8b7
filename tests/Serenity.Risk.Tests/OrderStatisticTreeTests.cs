using Serenity.Risk.Windows;

namespace Serenity.Risk.Tests;

public sealed class OrderStatisticTreeTests
{
    [Fact]
    public void Kth_smallest_and_ascending_copy_match_a_sorted_list_through_random_inserts_and_removes_with_ties()
    {
        const int capacity = 40;
        var tree = new OrderStatisticTree(capacity);
        var held = new double?[capacity];
        var random = new Random(7);
        for (var step = 0; step < 20_000; step++)
        {
            var slot = random.Next(capacity);
            if (held[slot] is not null)
            {
                tree.Remove(slot);
                held[slot] = null;
            }
            else
            {
                var value = random.Next(10) / 4.0; // few distinct values: many ties
                tree.Insert(slot, value);
                held[slot] = value;
            }
            var expected = held.Where(v => v is not null).Select(v => v!.Value).Order().ToArray();
            Assert.Equal(expected.Length, tree.Count);
            if (step % 97 != 0) continue;
            for (var k = 1; k <= expected.Length; k++) Assert.Equal(expected[k - 1], tree.KthSmallest(k));
            var copy = new double[expected.Length];
            Assert.Equal(expected.Length, tree.CopySmallest(copy));
            Assert.Equal(expected, copy);
        }
    }

    [Fact]
    public void Kth_smallest_out_of_range_throws()
    {
        var tree = new OrderStatisticTree(4);
        tree.Insert(0, 1.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.KthSmallest(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.KthSmallest(0));
        Assert.Equal(1.5, tree.KthSmallest(1));
    }
}
