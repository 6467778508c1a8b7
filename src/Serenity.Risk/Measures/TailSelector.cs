namespace Serenity.Risk.Measures;

/// <summary>Partial selection of the k smallest values (k = the tail's length), without sorting all of them.</summary>
internal static class TailSelector
{
    /// <summary>
    /// Fills <paramref name="tail"/> with the smallest values of <paramref name="values"/> in ascending order
    /// and <paramref name="index"/> with their positions (ties keep the earlier position first): O(M) when
    /// the tail is short, O(M x k) at worst.
    /// </summary>
    public static void SelectSmallest(ReadOnlySpan<double> values, Span<double> tail, Span<int> index)
    {
        var k = tail.Length;
        var filled = 0;
        for (var j = 0; j < values.Length; j++)
        {
            var v = values[j];
            int p;
            if (filled < k)
            {
                p = filled++;
            }
            else if (v < tail[k - 1])
            {
                p = k - 1;
            }
            else
            {
                continue;
            }
            while (p > 0 && tail[p - 1] > v)
            {
                tail[p] = tail[p - 1];
                index[p] = index[p - 1];
                p--;
            }
            tail[p] = v;
            index[p] = j;
        }
    }
}
