using System.Diagnostics;
using System.Text;
using Serenity.MarketData.Alpaca.Parsing;
using Serenity.MarketData.Tests.Support;

namespace Serenity.MarketData.Tests.Alpaca;

public class ParserFuzzTests
{
    private static readonly byte[][] s_seeds =
    [
        .. new[] { Frames.QuoteAmd, Frames.TradeAapl, Frames.BarSpy, Frames.Correction, Frames.Cancel, Frames.Status, Frames.Luld, Frames.Imbalance }
            .Select(m => Encoding.UTF8.GetBytes("[" + m + "]")),
        Encoding.UTF8.GetBytes(Frames.EveryDataType),
        Encoding.UTF8.GetBytes("""[{"T":"subscription","trades":["AAPL"],"quotes":["AMD"],"bars":[]}]"""),
        Encoding.UTF8.GetBytes("""[{"T":"error","code":402,"msg":"auth failed"}]"""),
    ];

    /// <summary>
    /// A million mutated frames (random byte flips, inserts and deletes, cut anywhere, then ended with a
    /// comma so the JSON is certainly not well-formed): no exception escapes, and each frame counts exactly one parse error.
    /// </summary>
    [Fact]
    public void A_million_mutated_frames_each_count_one_error_and_never_throw()
    {
        const int frames = 1_000_000;
        var parser = new AlpacaMessageParser();
        var random = new Random(20240222);
        var output = new List<MarketDataMessage>();
        var buffer = new byte[4096];
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++)
        {
            var length = Mutate(s_seeds[random.Next(s_seeds.Length)], buffer, random);
            output.Clear();
            Assert.Equal(0, parser.Parse(buffer.AsSpan(0, length), output));
        }
        Assert.Equal(frames, parser.Errors.Total);
        Assert.True(sw.Elapsed < TimeSpan.FromMinutes(2), "sanity bound only");
    }

    /// <summary>Mutations that may leave valid JSON: never an exception; each frame yields messages or errors.</summary>
    [Fact]
    public void Random_mutations_never_throw()
    {
        var parser = new AlpacaMessageParser();
        var random = new Random(7);
        var output = new List<MarketDataMessage>();
        var buffer = new byte[4096];
        for (var i = 0; i < 200_000; i++)
        {
            var seed = s_seeds[random.Next(s_seeds.Length)];
            seed.CopyTo(buffer, 0);
            var length = seed.Length;
            for (var m = random.Next(1, 4); m > 0; m--) length = MutateOnce(buffer, length, random);
            var errors = parser.Errors.Total;
            output.Clear();
            var parsed = parser.Parse(buffer.AsSpan(0, length), output);
            Assert.True(parsed > 0 || parser.Errors.Total > errors, "a frame gave neither a message nor an error");
        }
    }

    internal static int Mutate(byte[] seed, byte[] buffer, Random random)
    {
        seed.CopyTo(buffer, 0);
        var length = seed.Length;
        for (var m = random.Next(0, 4); m > 0; m--) length = MutateOnce(buffer, length, random);
        // Cut anywhere, then end on a comma: no well-formed JSON document ends in one.
        length -= random.Next(0, Math.Max(1, length));
        buffer[length] = (byte)',';
        return length + 1;
    }

    private static readonly byte[] s_interesting = "{}[]\",:\\0123456789.-eEtrufalsn \u00ff\u0080"u8.ToArray();

    internal static int MutateOnce(byte[] buffer, int length, Random random)
    {
        if (length == 0) return 0;
        var at = random.Next(length);
        switch (random.Next(3))
        {
            case 0:
                buffer[at] = random.Next(2) == 0 ? (byte)random.Next(256) : s_interesting[random.Next(s_interesting.Length)];
                return length;
            case 1 when length < buffer.Length - 1:
                Array.Copy(buffer, at, buffer, at + 1, length - at);
                buffer[at] = s_interesting[random.Next(s_interesting.Length)];
                return length + 1;
            default:
                Array.Copy(buffer, at + 1, buffer, at, length - at - 1);
                return length - 1;
        }
    }
}
