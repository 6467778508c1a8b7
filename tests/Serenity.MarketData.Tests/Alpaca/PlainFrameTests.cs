using System.Globalization;
using System.Text;
using Serenity.MarketData.Alpaca.Parsing;
using Serenity.MarketData.Tests.Support;

namespace Serenity.MarketData.Tests.Alpaca;

/// <summary>
/// The parser's plain-frame path (a scanner for the shape servers send) against the general Utf8JsonReader path:
/// every frame must give the same messages, symbol ids, error counts and error reports either way.
/// </summary>
public class PlainFrameTests
{
    private static readonly string[] s_shapes =
    [
        Frames.EveryDataType,
        "[]",
        " [ ] ",
        "\r\n[\t" + Frames.QuoteAmd + " ,\n" + Frames.TradeAapl + "\n]\n",
        """[{"T":"q","S":"AMD","bp":87.66,"bs":1,"ap":87.68,"as":4,"t":"2024-02-22T15:51:45Z","c":[],"unknown":12,"more":"x"}]""",
        """[{"T":"q","S":"AMD","bp":-0,"bs":0.000000000000000001,"ap":999999999999999999,"as":4,"t":"2024-02-22T10:51:45.1-05:00"}]""",
        """[{"T":"q","S":"AMD","bp":1.5,"bs":"2","ap":"1.75","as":4,"t":"2024-02-22T15:51:45.123+01:30","bx":"","ax":"~"}]""",
        """[{"T":"q","S":"AMD","bp":1.5,"bs":2,"ap":1.75,"as":4,"t":"2024-02-22T15:51:45Z","bp":1.6}]""",
        """[{"T":"q","S":"AMD","bp":1.5,"bs":2,"ap":1.75,"as":4}]""",
        """[{"T":"q","S":"","bp":1.5,"bs":2,"ap":1.75,"as":4,"t":"2024-02-22T15:51:45Z"}]""",
        """[{"T":"q","S":5,"bp":"x","bs":2,"ap":1.75,"as":4,"t":"nope"}]""",
        """[{"T":"zz","S":"AMD"},{"S":"AMD"},{},7,"x",[1]]""",
        """[{"T":"t","S":"AMD","i":"B","p":1,"s":2,"t":"2024-02-22T15:51:45Z","c":["@",5]}]""",
        """[{"T":"t","S":"AMD","i":12.5,"p":1,"s":2,"t":"2024-02-22T15:51:45Z"}]""",
        """[{"T":"t","S":"AMD","i":123456789012345678,"p":1e2,"s":2,"t":"2024-02-22T15:51:45Z"}]""",
        """[{"T":"q","S":"AMD","bp":12345678901234567890.5,"bs":2,"ap":1.75,"as":4,"t":"2024-02-22T15:51:45Z"}]""",
        """[{"T":"q","S":"A\u004dD","bp":1.5,"bs":2,"ap":1.75,"as":4,"t":"2024-02-22T15:51:45Z"}]""",
        """[{"T":"q","S":"AMD","bp":1.5,"bs":null,"ap":1.75,"as":4,"t":"2024-02-22T15:51:45Z","x":{"a":[1,{}]}}]""",
        """[{"T":"success","msg":"authenticated"},{"T":"error","code":402,"msg":"auth failed"},{"T":"subscription","quotes":["AMD"]}]""",
        """[{"T":"s","S":"AAPL","sc":"H","sm":"Trading Halt","rc":"","rm":"Volatility","t":"2024-02-22T15:53:00Z"}]""",
        """[{"T":"q","S":"AMD","bp":01,"bs":2}]""",
        """[{"T":"q","S":"AMD","bp":1.,"bs":2}]""",
        """[{"T":"q","S":"AMD","bp":1,"bs":2},]""",
        """[{"T":"q","S":"AMD","bp":1,"bs":2}] x""",
        """[{"T":"q","S":"AMD","bp":1,"bs":2}""",
        """{"T":"q"}""",
        "[{\"T\":\"q\",\"S\":\"AM\u00c9\",\"bp\":1.5,\"bs\":2,\"ap\":1.75,\"as\":4,\"t\":\"2024-02-22T15:51:45Z\"}]",
    ];

    [Fact]
    public void Hand_made_frames_read_the_same_on_both_paths()
    {
        foreach (var shape in s_shapes) AssertSamePaths(Encoding.UTF8.GetBytes(shape));
    }

    [Fact]
    public void Generated_quote_and_trade_frames_read_the_same_on_both_paths()
    {
        var random = new Random(5);
        for (var i = 0; i < 300; i++) AssertSamePaths(Encoding.UTF8.GetBytes(GeneratedFrame(random, 50)));
    }

    [Fact]
    public void Mutated_frames_read_the_same_on_both_paths()
    {
        var random = new Random(11);
        var seeds = s_shapes.Select(Encoding.UTF8.GetBytes).Append(Encoding.UTF8.GetBytes(GeneratedFrame(random, 5))).ToArray();
        var buffer = new byte[8192];
        var plain = new AlpacaMessageParser();
        var general = new AlpacaMessageParser { PlainFramesEnabled = false };
        for (var i = 0; i < 100_000; i++)
        {
            var seed = seeds[random.Next(seeds.Length)];
            seed.CopyTo(buffer, 0);
            var length = seed.Length;
            for (var m = random.Next(1, 4); m > 0; m--) length = ParserFuzzTests.MutateOnce(buffer, length, random);
            AssertSame(plain, general, buffer.AsSpan(0, length).ToArray());
        }
    }

    [Fact]
    public void A_typical_frame_takes_the_plain_path_and_an_escaped_one_the_general_reader()
    {
        var parser = new AlpacaMessageParser();
        var output = new List<MarketDataMessage>();
        Assert.Equal(10, parser.Parse(Encoding.UTF8.GetBytes(Frames.EveryDataType), output));
        Assert.Equal(1, parser.PlainFrames);
        Assert.Equal(1, parser.Parse("""[{"T":"q","S":"A\u004dD","bp":1.5,"bs":2,"ap":1.75,"as":4,"t":"2024-02-22T15:51:45Z"}]"""u8, output));
        Assert.Equal(1, parser.PlainFrames);
        Assert.Equal("AMD", ((Quote)output[^1]).Symbol);
    }

    private static void AssertSamePaths(byte[] frame) =>
        AssertSame(new AlpacaMessageParser(), new AlpacaMessageParser { PlainFramesEnabled = false }, frame);

    private static void AssertSame(AlpacaMessageParser plain, AlpacaMessageParser general, byte[] frame)
    {
        var plainErrors = new List<ParseError>();
        var generalErrors = new List<ParseError>();
        plain.OnError = plainErrors.Add;
        general.OnError = generalErrors.Add;
        var plainOut = new List<MarketDataMessage>();
        var generalOut = new List<MarketDataMessage>();
        var text = Encoding.UTF8.GetString(frame);
        Assert.True(general.Parse(frame, generalOut) == plain.Parse(frame, plainOut), text);
        Assert.True(generalOut.Count == plainOut.Count && generalOut.Zip(plainOut).All(pair => SameMessage(pair.First, pair.Second)), text);
        Assert.True(generalOut.OfType<MarketEvent>().Select(e => e.SymbolId).SequenceEqual(plainOut.OfType<MarketEvent>().Select(e => e.SymbolId)), text);
        Assert.True(generalErrors.SequenceEqual(plainErrors), text);
        foreach (var kind in Enum.GetValues<ParseErrorKind>()) Assert.True(general.Errors[kind] == plain.Errors[kind], text);
    }

    // Record equality, except that symbol lists (subscription messages) compare by content.
    private static bool SameMessage(MarketDataMessage a, MarketDataMessage b) =>
        a.GetType() == b.GetType() && a.GetType().GetProperties().All(p => (p.GetValue(a), p.GetValue(b)) switch
        {
            (string[] x, string[] y) => x.SequenceEqual(y),
            var (x, y) => Equals(x, y),
        });

    // Quotes and trades as servers write them, with prices, sizes, times and offsets of every shape the scanner takes.
    private static string GeneratedFrame(Random random, int messages)
    {
        var parts = new List<string>();
        for (var i = 0; i < messages; i++)
        {
            var symbol = "S" + random.Next(40).ToString(CultureInfo.InvariantCulture);
            var time = Timestamp(random);
            parts.Add(random.Next(10) == 0
                ? $$"""{"T":"t","S":"{{symbol}}","i":{{random.NextInt64(0, long.MaxValue)}},"x":"V","p":{{Number(random)}},"s":{{Number(random)}},"t":"{{time}}","c":["@","I"],"z":"C"}"""
                : $$"""{"T":"q","S":"{{symbol}}","bx":"V","bp":{{Number(random)}},"bs":{{Number(random)}},"ax":"Q","ap":{{Number(random)}},"as":{{Number(random)}},"t":"{{time}}","c":["R"],"z":"C"}""");
        }
        return "[" + string.Join(",", parts) + "]";
    }

    private static string Number(Random random)
    {
        var digits = random.Next(1, 19);
        var text = new StringBuilder();
        if (random.Next(8) == 0) text.Append('-');
        var whole = random.Next(0, digits + 1);
        text.Append(whole == 0 ? "0" : (random.Next(1, 10).ToString(CultureInfo.InvariantCulture) + Digits(random, whole - 1)));
        if (whole < digits) text.Append('.').Append(Digits(random, digits - whole));
        return text.ToString();
    }

    private static string Digits(Random random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private static string Timestamp(Random random)
    {
        var time = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 366));
        var fraction = random.Next(0, 10) is var n && n == 0 ? "" : "." + Digits(random, n);
        var offset = random.Next(4) switch { 0 => "-04:00", 1 => "+05:30", 2 => "z", _ => "Z" };
        return time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fraction + offset;
    }
}
