using System.Text.Json;
using Serenity.MarketData.Alpaca.Parsing;

namespace Serenity.MarketData.Alpaca.Rest;

/// <summary>Reads the REST API's bar pages and latest quotes with <see cref="Utf8JsonReader"/>.</summary>
internal static class RestJson
{
    /// <summary>Adds a page's bars to <paramref name="output"/>; returns <c>next_page_token</c> (null on the last page).</summary>
    public static string? ReadBarsPage(ReadOnlySpan<byte> json, string? singleSymbol, List<Bar> output)
    {
        var reader = new Utf8JsonReader(json);
        string? next = null;
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("bars"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray) ReadBars(ref reader, singleSymbol ?? throw Malformed("bars of one symbol in a multi-symbol answer"), output);
                else if (reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var symbol = reader.GetString()!;
                        Expect(ref reader, JsonTokenType.StartArray);
                        ReadBars(ref reader, symbol, output);
                    }
                }
                else if (reader.TokenType != JsonTokenType.Null) throw Malformed("bars");
            }
            else if (reader.ValueTextEquals("next_page_token"u8))
            {
                reader.Read();
                next = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return string.IsNullOrEmpty(next) ? null : next;
    }

    /// <summary>Reads <c>{"symbol":..,"quote":{..}}</c> or <c>{"quotes":{"A":{..},..}}</c>.</summary>
    public static void ReadLatestQuotes(ReadOnlySpan<byte> json, Dictionary<string, Quote> output)
    {
        var reader = new Utf8JsonReader(json);
        string? symbol = null;
        var single = default(ReadOnlySpan<byte>);
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("symbol"u8))
            {
                reader.Read();
                symbol = reader.GetString();
            }
            else if (reader.ValueTextEquals("quote"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                single = json[start..(int)reader.BytesConsumed];
            }
            else if (reader.ValueTextEquals("quotes"u8))
            {
                Expect(ref reader, JsonTokenType.StartObject);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var s = reader.GetString()!;
                    Expect(ref reader, JsonTokenType.StartObject);
                    output[s] = ReadQuote(ref reader, s);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (!single.IsEmpty && symbol is not null)
        {
            var quoteReader = new Utf8JsonReader(single);
            quoteReader.Read();
            output[symbol] = ReadQuote(ref quoteReader, symbol);
        }
    }

    private static void ReadBars(ref Utf8JsonReader reader, string symbol, List<Bar> output)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            DateTime t = default;
            decimal o = 0, h = 0, l = 0, c = 0, v = 0, vw = 0;
            long n = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                reader.Read();
                switch (name)
                {
                    case [(byte)'t']: t = Time(ref reader); break;
                    case [(byte)'o']: o = Number(ref reader); break;
                    case [(byte)'h']: h = Number(ref reader); break;
                    case [(byte)'l']: l = Number(ref reader); break;
                    case [(byte)'c']: c = Number(ref reader); break;
                    case [(byte)'v']: v = Number(ref reader); break;
                    case [(byte)'n']: n = reader.GetInt64(); break;
                    case [(byte)'v', (byte)'w']: vw = Number(ref reader); break;
                    default: reader.Skip(); break;
                }
            }
            output.Add(new Bar(symbol, t, o, h, l, c, v, n, vw));
        }
    }

    private static Quote ReadQuote(ref Utf8JsonReader reader, string symbol)
    {
        DateTime t = default;
        decimal bp = 0, bs = 0, ap = 0, size = 0;
        char bx = '\0', ax = '\0', z = '\0';
        List<string>? conditions = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            switch (name)
            {
                case [(byte)'t']: t = Time(ref reader); break;
                case [(byte)'b', (byte)'p']: bp = Number(ref reader); break;
                case [(byte)'b', (byte)'s']: bs = Number(ref reader); break;
                case [(byte)'a', (byte)'p']: ap = Number(ref reader); break;
                case [(byte)'a', (byte)'s']: size = Number(ref reader); break;
                case [(byte)'b', (byte)'x']: bx = Letter(ref reader); break;
                case [(byte)'a', (byte)'x']: ax = Letter(ref reader); break;
                case [(byte)'z']: z = Letter(ref reader); break;
                case [(byte)'c'] when reader.TokenType == JsonTokenType.StartArray:
                    conditions = [];
                    while (reader.Read() && reader.TokenType == JsonTokenType.String) conditions.Add(reader.GetString()!);
                    break;
                default: reader.Skip(); break;
            }
        }
        return new Quote(symbol, t, bp, bs, ap, size, bx, ax, conditions is { Count: > 0 } ? new Conditions(conditions) : Conditions.None, z);
    }

    private static decimal Number(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var d) ? d
        : reader.TokenType == JsonTokenType.String && WireValues.TryParseDecimal(reader.ValueSpan, out d) ? d
        : throw Malformed("number");

    private static DateTime Time(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && WireValues.TryParseTimestamp(reader.ValueSpan, out var t) ? t : throw Malformed("timestamp");

    private static char Letter(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0 ? (char)reader.ValueSpan[0] : '\0';

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type) throw Malformed(type.ToString());
    }

    private static FormatException Malformed(string what) => new($"malformed Alpaca REST answer: expected {what}");
}
