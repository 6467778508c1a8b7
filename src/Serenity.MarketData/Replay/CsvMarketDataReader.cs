using System.Globalization;
using System.Text;
using Serenity.MarketData.Alpaca.Parsing;

namespace Serenity.MarketData.Replay;

/// <summary>
/// Reads quotes, trades or bars from CSV (<see cref="CsvFormat"/>; columns found by header name, in any
/// order). A bad row is skipped and counted, never thrown.
/// </summary>
public sealed class CsvMarketDataReader(TextReader reader, string source = "csv")
{
    private readonly Dictionary<string, Conditions> _conditions = new(StringComparer.Ordinal);

    /// <summary>Rows skipped as unreadable.</summary>
    public long BadRows { get; private set; }

    /// <summary>Called with "source:line: problem" for each bad row.</summary>
    public Action<string>? OnBadRow { get; set; }

    /// <summary>The events, in file order.</summary>
    public IEnumerable<MarketEvent> ReadAll()
    {
        var header = reader.ReadLine();
        if (header is null) yield break;
        var columns = CsvLine.Split(header).Select((name, i) => (name: name.Trim().ToLowerInvariant(), i)).ToDictionary(c => c.name, c => c.i);
        Func<List<string>, MarketEvent?> parse =
            columns.ContainsKey("bid_price") ? f => Quote(f, columns)
            : columns.ContainsKey("open") ? f => Bar(f, columns)
            : columns.ContainsKey("price") ? f => Trade(f, columns)
            : throw new FormatException($"{source}: header is none of quotes, trades or bars: {header}");
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            MarketEvent? e;
            try
            {
                e = parse(CsvLine.Split(text));
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException or KeyNotFoundException)
            {
                e = null;
            }
            if (e is null)
            {
                BadRows++;
                OnBadRow?.Invoke($"{source}:{line}: unreadable row");
                continue;
            }
            yield return e;
        }
    }

    private Quote? Quote(List<string> f, Dictionary<string, int> c) => new(
        Text(f, c, "symbol"), Time(f, c), Num(f, c, "bid_price"), Num(f, c, "bid_size"), Num(f, c, "ask_price"), Num(f, c, "ask_size"),
        Letter(f, c, "bid_exchange"), Letter(f, c, "ask_exchange"), Codes(f, c), Letter(f, c, "tape"));

    private Trade? Trade(List<string> f, Dictionary<string, int> c) => new(
        Text(f, c, "symbol"), Time(f, c), Num(f, c, "price"), Num(f, c, "size"),
        Optional(f, c, "id") is { Length: > 0 } id ? long.Parse(id, CultureInfo.InvariantCulture) : 0,
        Letter(f, c, "exchange"), Codes(f, c), Letter(f, c, "tape"));

    private static Bar? Bar(List<string> f, Dictionary<string, int> c) => new(
        Text(f, c, "symbol"), Time(f, c), Num(f, c, "open"), Num(f, c, "high"), Num(f, c, "low"), Num(f, c, "close"), Num(f, c, "volume"),
        Optional(f, c, "trade_count") is { Length: > 0 } n ? long.Parse(n, CultureInfo.InvariantCulture) : 0,
        Optional(f, c, "vwap") is { Length: > 0 } vw ? decimal.Parse(vw, NumberStyles.Float, CultureInfo.InvariantCulture) : 0);

    private static string Text(List<string> f, Dictionary<string, int> c, string name) =>
        f[c[name]] is { Length: > 0 } s ? s : throw new FormatException($"empty {name}");

    private static string? Optional(List<string> f, Dictionary<string, int> c, string name) =>
        c.TryGetValue(name, out var i) && i < f.Count ? f[i] : null;

    private static decimal Num(List<string> f, Dictionary<string, int> c, string name) =>
        decimal.Parse(f[c[name]], NumberStyles.Float, CultureInfo.InvariantCulture);

    private static DateTime Time(List<string> f, Dictionary<string, int> c) =>
        WireValues.TryParseTimestamp(Encoding.ASCII.GetBytes(f[c["timestamp"]]), out var t) ? t : throw new FormatException("timestamp");

    private static char Letter(List<string> f, Dictionary<string, int> c, string name) =>
        Optional(f, c, name) is { Length: > 0 } s ? s[0] : '\0';

    private Conditions Codes(List<string> f, Dictionary<string, int> c)
    {
        var text = Optional(f, c, "conditions");
        if (string.IsNullOrWhiteSpace(text)) return Conditions.None;
        if (!_conditions.TryGetValue(text, out var codes))
        {
            codes = new Conditions(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (_conditions.Count < 4096) _conditions[text] = codes;
        }
        return codes;
    }
}
