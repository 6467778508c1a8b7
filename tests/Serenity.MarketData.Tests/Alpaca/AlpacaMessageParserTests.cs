using System.Text;
using Serenity.MarketData.Alpaca.Parsing;
using Serenity.MarketData.Tests.Support;

namespace Serenity.MarketData.Tests.Alpaca;

public class AlpacaMessageParserTests
{
    private readonly AlpacaMessageParser _parser = new();

    private List<MarketDataMessage> Parse(string frame)
    {
        var output = new List<MarketDataMessage>();
        _parser.Parse(Encoding.UTF8.GetBytes(frame), output);
        return output;
    }

    private static DateTime Utc(string s) => DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

    [Fact]
    public void Quote_has_every_field()
    {
        var q = Assert.IsType<Quote>(Assert.Single(Parse("[" + Frames.QuoteAmd + "]")));
        Assert.Equal(new Quote("AMD", new DateTime(2024, 2, 22, 15, 51, 45, DateTimeKind.Utc).AddTicks(3356893), 87.66m, 1m, 87.68m, 4m, 'U', 'Q', new Conditions(["R"]), 'C'), q);
        Assert.Equal(DateTimeKind.Utc, q.Timestamp.Kind);
        Assert.Equal(0, _parser.Errors.Total);
    }

    [Fact]
    public void Quotes_and_trades_carry_their_symbols_id_which_equality_leaves_out()
    {
        var messages = Parse("""[{"T":"q","S":"IDA","bp":1,"bs":1,"ap":2,"as":1,"t":"2024-02-22T15:51:45Z"},{"T":"t","S":"IDA","p":1,"s":1,"t":"2024-02-22T15:51:45Z"},{"T":"q","S":"IDB","bp":1,"bs":1,"ap":2,"as":1,"t":"2024-02-22T15:51:45Z"}]""");
        var (quoteA, tradeA, quoteB) = ((MarketEvent)messages[0], (MarketEvent)messages[1], (MarketEvent)messages[2]);
        Assert.Equal(SymbolIds.Of("IDA"), quoteA.SymbolId);
        Assert.Equal(quoteA.SymbolId, tradeA.SymbolId);
        Assert.NotEqual(quoteA.SymbolId, quoteB.SymbolId);
        Assert.Equal(quoteA with { SymbolId = 0 }, quoteA);
        Assert.Equal((quoteA with { SymbolId = 0 }).GetHashCode(), quoteA.GetHashCode());
    }

    [Fact]
    public void Every_data_message_type_in_one_batched_frame()
    {
        var messages = Parse(Frames.EveryDataType);
        Assert.Equal(0, _parser.Errors.Total);
        Assert.Collection(
            messages,
            m => Assert.IsType<Quote>(m),
            m => Assert.Equal(new Trade("AAPL", Utc("2024-02-22T15:51:44.208Z"), 126.55m, 1m, 96921, 'D', new Conditions(["@", "I"]), 'C'), m),
            m => Assert.Equal(new Bar("SPY", Utc("2024-02-22T19:15:00Z"), 388.985m, 389.13m, 388.975m, 389.12m, 49378m, 415, 389.05m), m),
            m => Assert.Equal(BarKind.Daily, Assert.IsType<Bar>(m).Kind),
            m => Assert.Equal((BarKind.Updated, 416L), (Assert.IsType<Bar>(m).Kind, ((Bar)m).TradeCount)),
            m => Assert.Equal(
                new TradeCorrection("AAPL", Utc("2024-02-22T15:52:00Z"), 'D', 96921, 126.55m, 1m, new Conditions(["@", "I"]), 96922, 126.5m, 2m, new Conditions(["@"]), 'C'), m),
            m => Assert.Equal(new TradeCancel("AAPL", Utc("2024-02-22T15:52:01Z"), 96921, 'D', 126.55m, 1m, TradeCancelAction.Cancel, 'C'), m),
            m => Assert.Equal(new TradingStatus("AAPL", Utc("2024-02-22T15:53:00Z"), "H", "Trading Halt", "LUDP", "Volatility Trading Pause", 'C'), m),
            m => Assert.Equal(new LimitUpLimitDown("AAPL", Utc("2024-02-22T15:53:01Z"), 139.21m, 113.9m, 'B', 'C'), m),
            m => Assert.Equal(new OrderImbalance("AAPL", Utc("2024-02-22T15:54:00Z"), 126.6m, 'C'), m));
    }

    [Fact]
    public void Control_messages()
    {
        Assert.Equal(new StreamSuccess("connected"), Assert.Single(Parse("""[{"T":"success","msg":"connected"}]""")));
        var error = Assert.IsType<StreamError>(Assert.Single(Parse("""[{"T":"error","code":406,"msg":"connection limit exceeded"}]""")));
        Assert.Equal((AlpacaErrorCode.ConnectionLimitExceeded, 406), (error.Code, error.Number));
        Assert.Equal(AlpacaErrorCode.Unknown, Assert.IsType<StreamError>(Assert.Single(Parse("""[{"T":"error","code":999,"msg":"?"}]"""))).Code);
        var set = Assert.IsType<SubscriptionSet>(Assert.Single(Parse(
            """[{"T":"subscription","trades":["AAPL"],"quotes":["AMD","MSFT"],"bars":["*"],"updatedBars":[],"dailyBars":[],"statuses":[],"lulds":[],"corrections":["AAPL"],"cancelErrors":["AAPL"]}]""")));
        Assert.Equal(["AMD", "MSFT"], set.Quotes);
        Assert.Equal(["*"], set.Bars);
        Assert.Equal(["AAPL"], set.CancelErrors);
        Assert.Empty(set.Imbalances);
    }

    [Fact]
    public void Crypto_quote_without_exchanges()
    {
        var q = Assert.IsType<Quote>(Assert.Single(Parse("""[{"T":"q","S":"BTC/USD","bp":64000.5,"bs":0.125,"ap":64001,"as":1.5e-3,"t":"2024-02-22T15:51:45.1+00:00"}]""")));
        Assert.Equal(("BTC/USD", 0.125m, 0.0015m, '\0'), (q.Symbol, q.BidSize, q.AskSize, q.BidExchange));
    }

    [Theory]
    [InlineData("2024-02-22T15:51:45Z", 0L)]
    [InlineData("2024-02-22T15:51:45.1Z", 1_000_000L)]
    [InlineData("2024-02-22T15:51:45.123456789Z", 1_234_567L)]
    [InlineData("2024-02-22T10:51:45-05:00", 0L)]
    public void Timestamps_are_utc_with_up_to_100ns(string text, long fractionTicks)
    {
        Assert.True(WireValues.TryParseTimestamp(Encoding.ASCII.GetBytes(text), out var t));
        Assert.Equal(new DateTime(2024, 2, 22, 15, 51, 45, DateTimeKind.Utc).AddTicks(fractionTicks), t);
    }

    [Theory]
    [InlineData("2024-02-30T15:51:45Z")]
    [InlineData("2024-02-22 15:51:45")]
    [InlineData("2024-02-22T25:51:45Z")]
    [InlineData("2024-02-22T15:51:45.Z")]
    [InlineData("2024-02-22T15:51:45Zjunk")]
    public void Bad_timestamps_are_rejected(string text) => Assert.False(WireValues.TryParseTimestamp(Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("87.66", "87.66")]
    [InlineData("-0.0001", "-0.0001")]
    [InlineData("12345678901234567890.5", "12345678901234567890.5")]
    [InlineData("1e2", "100")]
    [InlineData("1.5E-3", "0.0015")]
    public void Decimals(string text, string expected)
    {
        Assert.True(WireValues.TryParseDecimal(Encoding.ASCII.GetBytes(text), out var d));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d);
    }

    [Fact]
    public void Fields_in_any_order_and_unknown_fields_are_skipped()
    {
        var q = Assert.IsType<Quote>(Assert.Single(Parse(
            """[{"ap":2,"as":3,"new":{"x":[1,2]},"bs":1,"bp":1.5,"t":"2024-02-22T15:51:45Z","S":"X","T":"q"}]""")));
        Assert.Equal((1.5m, 2m), (q.BidPrice, q.AskPrice));
    }

    [Fact]
    public void A_bad_message_is_skipped_and_counted_and_its_neighbours_survive()
    {
        var messages = Parse("[" + string.Join(",",
            Frames.QuoteAmd,
            """{"T":"q","S":"AMD","bp":1,"bs":1,"ap":2,"t":"2024-02-22T15:51:45Z"}""",
            """{"T":"zz","S":"AMD"}""",
            """{"S":"AMD"}""",
            """{"T":"q","S":"AMD","bp":"abc","bs":1,"ap":2,"as":1,"t":"2024-02-22T15:51:45Z"}""",
            """{"T":"x","S":"AMD","i":1,"p":1,"s":1,"a":"Q","t":"2024-02-22T15:51:45Z"}""",
            "42",
            Frames.TradeAapl) + "]");
        Assert.Equal(2, messages.Count);
        Assert.Equal(1, _parser.Errors[ParseErrorKind.MissingField]);
        Assert.Equal(1, _parser.Errors[ParseErrorKind.UnknownType]);
        Assert.Equal(1, _parser.Errors[ParseErrorKind.MissingType]);
        Assert.Equal(2, _parser.Errors[ParseErrorKind.InvalidField]);
        Assert.Equal(1, _parser.Errors[ParseErrorKind.NotAnObject]);
    }

    [Theory]
    [InlineData("[{\"T\":\"q\"")]
    [InlineData("[{\"T\":\"q\"}]]")]
    [InlineData("")]
    [InlineData("[1,]")]
    public void A_malformed_frame_is_dropped_whole_with_one_error(string frame)
    {
        Assert.Empty(Parse(frame.Length == 0 ? frame : "[" + Frames.QuoteAmd + "," + frame[1..]));
        Assert.Equal(1, _parser.Errors[ParseErrorKind.MalformedJson]);
        Assert.Equal(1, _parser.Errors.Total);
    }

    [Fact]
    public void A_frame_that_is_not_an_array_is_counted()
    {
        Assert.Empty(Parse(Frames.QuoteAmd));
        Assert.Equal(1, _parser.Errors[ParseErrorKind.NotAnArray]);
    }

    [Fact]
    public void Errors_are_reported_to_the_callback()
    {
        var seen = new List<ParseError>();
        _parser.OnError = seen.Add;
        Parse("""[{"T":"t","S":"A","t":"2024-02-22T15:51:45Z","p":1}]""");
        Assert.Equal([new ParseError(ParseErrorKind.MissingField, "s")], seen);
    }

    [Fact]
    public void Parsing_a_quote_allocates_only_the_quote()
    {
        var frame = Encoding.UTF8.GetBytes(Frames.Quotes("AAPL", 100));
        var output = new List<MarketDataMessage>(128);
        for (var i = 0; i < 100; i++)
        {
            output.Clear();
            _parser.Parse(frame, output); // warm: interned symbol and conditions, grown list
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        const int rounds = 1000;
        for (var i = 0; i < rounds; i++)
        {
            output.Clear();
            _parser.Parse(frame, output);
        }
        var perQuote = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)(rounds * 100);
        Assert.InRange(perQuote, 1, 128); // a Quote object is ~112 bytes; anything more is a per-quote leak
    }
}
