namespace Serenity.MarketData.Tests.Support;

/// <summary>Sample wire frames (values as in alpaca-protocol.md).</summary>
public static class Frames
{
    public const string QuoteAmd = """{"T":"q","S":"AMD","bx":"U","bp":87.66,"bs":1,"ax":"Q","ap":87.68,"as":4,"t":"2024-02-22T15:51:45.335689322Z","c":["R"],"z":"C"}""";
    public const string TradeAapl = """{"T":"t","i":96921,"S":"AAPL","x":"D","p":126.55,"s":1,"t":"2024-02-22T15:51:44.208Z","c":["@","I"],"z":"C"}""";
    public const string BarSpy = """{"T":"b","S":"SPY","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49378,"n":415,"vw":389.05,"t":"2024-02-22T19:15:00Z"}""";
    public const string DailyBarSpy = """{"T":"d","S":"SPY","o":380.1,"h":390,"l":379.5,"c":389.12,"v":4937800,"n":41500,"vw":386.05,"t":"2024-02-22T05:00:00Z"}""";
    public const string UpdatedBarSpy = """{"T":"u","S":"SPY","o":388.985,"h":389.2,"l":388.975,"c":389.12,"v":49400,"n":416,"vw":389.06,"t":"2024-02-22T19:15:00Z"}""";
    public const string Correction = """{"T":"c","S":"AAPL","x":"D","oi":96921,"op":126.55,"os":1,"oc":["@","I"],"ci":96922,"cp":126.5,"cs":2,"cc":["@"],"z":"C","t":"2024-02-22T15:52:00Z"}""";
    public const string Cancel = """{"T":"x","S":"AAPL","i":96921,"x":"D","p":126.55,"s":1,"a":"C","z":"C","t":"2024-02-22T15:52:01Z"}""";
    public const string Status = """{"T":"s","S":"AAPL","sc":"H","sm":"Trading Halt","rc":"LUDP","rm":"Volatility Trading Pause","z":"C","t":"2024-02-22T15:53:00Z"}""";
    public const string Luld = """{"T":"l","S":"AAPL","u":139.21,"d":113.9,"i":"B","z":"C","t":"2024-02-22T15:53:01Z"}""";
    public const string Imbalance = """{"T":"i","S":"AAPL","p":126.6,"z":"C","t":"2024-02-22T15:54:00Z"}""";

    /// <summary>One of each data message type, batched in one frame.</summary>
    public static readonly string EveryDataType = "[" + string.Join(",", QuoteAmd, TradeAapl, BarSpy, DailyBarSpy, UpdatedBarSpy, Correction, Cancel, Status, Luld, Imbalance) + "]";

    /// <summary>A frame of <paramref name="count"/> quotes of <paramref name="symbol"/> with rising bids.</summary>
    public static string Quotes(string symbol, int count, int first = 0) =>
        "[" + string.Join(",", Enumerable.Range(first, count).Select(i =>
            $$"""{"T":"q","S":"{{symbol}}","bx":"U","bp":{{100 + (i / 100m)}},"bs":1,"ax":"Q","ap":{{100.5m + (i / 100m)}},"as":2,"t":"2024-02-22T15:51:45.{{i:D6}}Z","c":["R"],"z":"C"}""")) + "]";
}
