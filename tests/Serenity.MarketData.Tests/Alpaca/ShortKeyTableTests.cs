using System.Text;
using Serenity.MarketData.Alpaca.Parsing;

namespace Serenity.MarketData.Tests.Alpaca;

public class ShortKeyTableTests
{
    [Fact]
    public void Finds_every_key_added_and_no_other_across_growth()
    {
        var table = new ShortKeyTable<int>();
        var reference = new Dictionary<ulong, int>();
        var random = new Random(3);
        for (var i = 0; i < 20_000; i++)
        {
            // Dense small keys and random large ones: both collide in the table's slots.
            var key = i % 2 == 0 ? (ulong)(i + 1) : (ulong)random.NextInt64(1, long.MaxValue);
            if (reference.TryAdd(key, i)) table.Add(key, i);
        }
        Assert.Equal(reference.Count, table.Count);
        foreach (var (key, value) in reference)
        {
            Assert.True(table.TryGetValue(key, out var found));
            Assert.Equal(value, found);
        }
        for (var i = 0; i < 20_000; i++)
        {
            var key = (ulong)random.NextInt64(1, long.MaxValue);
            Assert.Equal(reference.ContainsKey(key), table.TryGetValue(key, out _));
        }
    }

    [Fact]
    public void The_interner_gives_one_instance_per_symbol_of_any_length()
    {
        var interner = new Utf8Interner<string>(utf8 => Encoding.UTF8.GetString(utf8));
        string[] symbols = ["A", "AMD", "BRK.B", "ABCDEFGH", "ABCDEFGHI", "BTC/USD", "\0", "\0\0"];
        var first = symbols.Select(s => interner.Get(Encoding.UTF8.GetBytes(s))).ToArray();
        var again = symbols.Select(s => interner.Get(Encoding.UTF8.GetBytes(s))).ToArray();
        Assert.Equal(symbols, first);
        for (var i = 0; i < symbols.Length; i++) Assert.Same(first[i], again[i]);
        Assert.NotEqual(interner.Get("\0"u8), interner.Get("\0\0"u8));
    }
}
