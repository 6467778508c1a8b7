using System.Text;
using System.Text.Json;

namespace Serenity.MarketData.Alpaca.Parsing;

/// <summary>
/// Parses the frames of Alpaca's market-data stream (a JSON array of message objects) over the raw bytes: frames of
/// the usual plain shape with a scanner made for it (see AlpacaMessageParser.PlainFrames.cs), any other frame with
/// <see cref="Utf8JsonReader"/>, with the same results. Symbols and condition lists are interned, numbers and
/// timestamps read in place: a quote costs one allocation, the <see cref="Quote"/> itself.
/// Never throws on bad input: a frame that is not well-formed JSON is dropped whole (one
/// <see cref="ParseErrorKind.MalformedJson"/>); a bad message inside a good frame is skipped and counted.
/// Not thread-safe: one parser per connection.
/// </summary>
public sealed partial class AlpacaMessageParser
{
    private static readonly ulong s_quoteFields = Required(WireField.Bp, WireField.Bs, WireField.Ap, WireField.As);
    private static readonly ulong s_tradeFields = Required(WireField.P, WireField.Size);
    private static readonly ulong s_barFields = Required(WireField.O, WireField.H, WireField.L, WireField.C, WireField.V);
    private static readonly ulong s_correctionFields = Required(WireField.Oi, WireField.Op, WireField.Os, WireField.Ci, WireField.Cp, WireField.Cs);
    private static readonly ulong s_cancelFields = Required(WireField.I, WireField.P, WireField.Size, WireField.A);
    private static readonly ulong s_statusFields = Required(WireField.Sc);
    private static readonly ulong s_luldFields = Required(WireField.U, WireField.D);
    private static readonly ulong s_imbalanceFields = Required(WireField.P);

    private static readonly string[] s_fieldNames = [.. Enum.GetValues<WireField>().Where(f => f >= 0).Select(f => f.ToString().ToLowerInvariant())];

    private readonly Utf8Interner<InternedSymbol> _symbols = new(static utf8 => InternedSymbol.Create(Encoding.UTF8.GetString(utf8)));
    private readonly Utf8Interner<Conditions?> _conditions = new(ReadConditions, 4096);
    private readonly List<ParseError> _pending = [];
    private WireFields _fields;

    /// <summary>Errors counted so far, by kind.</summary>
    public ParseErrorCounters Errors { get; } = new();

    /// <summary>Called with each error as it is counted (optional; the record is only built when set).</summary>
    public Action<ParseError>? OnError { get; set; }

    /// <summary>
    /// Appends the messages of one frame to <paramref name="output"/>; returns how many. On a malformed
    /// frame nothing is appended (messages read before the fault are taken back).
    /// </summary>
    public int Parse(ReadOnlySpan<byte> frame, List<MarketDataMessage> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var start = output.Count;
        _pending.Clear();
        if (PlainFramesEnabled)
        {
            var plain = TryParsePlain(frame, output);
            if (plain >= 0) return plain;
            _pending.Clear(); // the general reader starts the frame over
        }
        try
        {
            var reader = new Utf8JsonReader(frame, isFinalBlock: true, state: default);
            if (!reader.Read()) return Fail(ParseErrorKind.MalformedJson, null, output, start);
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip(); // validates: a malformed non-array is malformed first
                return Fail(ParseErrorKind.NotAnArray, null, output, start);
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    Defer(ParseErrorKind.NotAnObject, null);
                    continue;
                }
                ReadMessage(ref reader, frame, output);
            }
            while (reader.Read())
            {
                // Trailing tokens make the reader throw; only whitespace ends the loop.
            }
            ReportPending();
            return output.Count - start;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return Fail(ParseErrorKind.MalformedJson, null, output, start);
        }
    }

    private int Fail(ParseErrorKind kind, string? field, List<MarketDataMessage> output, int start)
    {
        if (output.Count > start) output.RemoveRange(start, output.Count - start);
        Report(kind, field);
        return 0;
    }

    // Errors of single messages count once the frame turns out well-formed; a malformed frame is one error in all.
    private void Defer(ParseErrorKind kind, string? field) => _pending.Add(new ParseError(kind, field));

    // The frame is well-formed: its messages' deferred errors count now.
    private void ReportPending()
    {
        foreach (var error in _pending) Report(error.Kind, error.Field);
    }

    private void Report(ParseErrorKind kind, string? field)
    {
        Errors.Increment(kind);
        OnError?.Invoke(new ParseError(kind, field));
    }

    private void ReadMessage(ref Utf8JsonReader reader, ReadOnlySpan<byte> frame, List<MarketDataMessage> output)
    {
        ref var f = ref _fields;
        f.Reset();
        WireField invalid = WireField.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueIsEscaped ? LookupEscaped(ref reader, out var subscriptionKey) : Lookup(reader.ValueSpan, out subscriptionKey);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue; // absent
            }
            if (!ReadValue(ref reader, frame, field, subscriptionKey, ref f) && invalid == WireField.None)
            {
                invalid = field;
            }
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject) reader.Skip();
        }
        Finish(ref f, invalid, output);
    }

    // A message object's end: counts what was wrong with it or adds the message it makes.
    private void Finish(ref WireFields f, WireField invalid, List<MarketDataMessage> output)
    {
        if (invalid != WireField.None)
        {
            Defer(ParseErrorKind.InvalidField, FieldName(invalid));
            return;
        }
        var message = Build(ref f, out var error, out var missing);
        if (message is null)
        {
            Defer(error, missing == WireField.None ? null : FieldName(missing));
            return;
        }
        output.Add(message);
    }

    private static WireField Lookup(ReadOnlySpan<byte> name, out int subscriptionKey)
    {
        var field = WireFieldNames.Lookup(name);
        subscriptionKey = field == WireField.Subscription ? SubscriptionKeys.IndexOf(name) : -1;
        return field;
    }

    // Rare (no server escapes its keys), so the buffer lives here, off the hot path.
    private static WireField LookupEscaped(ref Utf8JsonReader reader, out int subscriptionKey)
    {
        Span<byte> buffer = stackalloc byte[32];
        return reader.ValueSpan.Length <= buffer.Length
            ? Lookup(buffer[..reader.CopyString(buffer)], out subscriptionKey)
            : Lookup(default, out subscriptionKey);
    }

    // Reads the value under the reader into its slot; false when it has the wrong type or cannot be read.
    // A container value is left on its start token (the caller skips it) unless consumed here.
    // Numbers and plain strings go through StoreScalar, which the plain-frame path shares.
    private bool ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> frame, WireField field, int subscriptionKey, ref WireFields f)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return StoreScalar(field, isString: false, reader.ValueSpan, ref f);
            case JsonTokenType.String when !reader.ValueIsEscaped:
                return StoreScalar(field, isString: true, reader.ValueSpan, ref f);
            case JsonTokenType.String:
                return ReadEscapedString(ref reader, field, ref f);
            case JsonTokenType.StartArray when field is WireField.C or WireField.Oc or WireField.Cc:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return StoreConditions(field, frame[start..(int)reader.BytesConsumed], ref f);
            case JsonTokenType.StartArray when field == WireField.Subscription:
                return ReadSymbolList(ref reader, subscriptionKey, ref f);
            default:
                return field == WireField.None; // unknown keys are skipped (newer servers add fields); known ones want another type
        }
    }

    // A string with escapes: the symbol and the free texts are unescaped; any other field cannot hold one.
    private static bool ReadEscapedString(ref Utf8JsonReader reader, WireField field, ref WireFields f)
    {
        switch (field)
        {
            case WireField.T:
                f.Type = WireType.Unknown;
                break;
            case WireField.S:
                f.Symbol = reader.GetString();
                f.SymbolId = 0;
                if (string.IsNullOrEmpty(f.Symbol)) return false;
                break;
            case WireField.Msg: return ReadString(ref reader, out f.Msg);
            case WireField.Sc: return ReadString(ref reader, out f.Sc) && Set(ref f, field);
            case WireField.Sm: return ReadString(ref reader, out f.Sm);
            case WireField.Rc: return ReadString(ref reader, out f.Rc);
            case WireField.Rm: return ReadString(ref reader, out f.Rm);
            default:
                return field == WireField.None;
        }
        f.Set(field);
        return true;
    }

    private static bool ReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    // Builds (once per distinct list) the conditions of an array's raw text; null if an element is no string.
    private static Conditions? ReadConditions(ReadOnlySpan<byte> array)
    {
        var reader = new Utf8JsonReader(array);
        var codes = new List<string>();
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String) return null;
            codes.Add(reader.GetString()!);
        }
        return codes.Count == 0 ? Conditions.None : new Conditions(codes);
    }

    private static bool ReadSymbolList(ref Utf8JsonReader reader, int key, ref WireFields f)
    {
        if (reader.TokenType != JsonTokenType.StartArray) return false;
        var symbols = new List<string>();
        var items = reader; // a copy walks the items; the reader itself then skips the whole array
        reader.Skip();
        while (items.Read() && items.TokenType != JsonTokenType.EndArray)
        {
            if (items.TokenType != JsonTokenType.String) return false;
            symbols.Add(items.GetString()!);
        }
        f.Subscriptions ??= new string[SubscriptionKeys.Count][];
        f.Subscriptions[key] = [.. symbols];
        return true;
    }

    private static WireType TypeOf(ReadOnlySpan<byte> t)
    {
        if (t.Length == 1)
        {
            return t[0] switch
            {
                (byte)'q' => WireType.Quote,
                (byte)'t' => WireType.Trade,
                (byte)'b' => WireType.Bar,
                (byte)'d' => WireType.DailyBar,
                (byte)'u' => WireType.UpdatedBar,
                (byte)'c' => WireType.Correction,
                (byte)'x' => WireType.Cancel,
                (byte)'s' => WireType.Status,
                (byte)'l' => WireType.Luld,
                (byte)'i' => WireType.Imbalance,
                _ => WireType.Unknown,
            };
        }
        if (t.SequenceEqual("success"u8)) return WireType.Success;
        if (t.SequenceEqual("error"u8)) return WireType.Error;
        if (t.SequenceEqual("subscription"u8)) return WireType.Subscription;
        return WireType.Unknown;
    }

    private static MarketDataMessage? Build(ref WireFields f, out ParseErrorKind error, out WireField missing)
    {
        error = ParseErrorKind.MissingField;
        missing = WireField.None;
        var required = f.Type switch
        {
            WireType.Quote => s_quoteFields,
            WireType.Trade => s_tradeFields,
            WireType.Bar or WireType.DailyBar or WireType.UpdatedBar => s_barFields,
            WireType.Correction => s_correctionFields,
            WireType.Cancel => s_cancelFields,
            WireType.Status => s_statusFields,
            WireType.Luld => s_luldFields,
            WireType.Imbalance => s_imbalanceFields,
            WireType.Error => WireFields.Mask(WireField.Code),
            _ => 0UL,
        };
        if (!f.HasAll(required))
        {
            missing = FirstMissing(f.Present, required);
            return null;
        }
        switch (f.Type)
        {
            case WireType.None:
                error = ParseErrorKind.MissingType;
                return null;
            case WireType.Unknown:
                error = ParseErrorKind.UnknownType;
                return null;
            case WireType.Quote:
                return new Quote(f.Symbol!, f.Time, f.Bp, f.Bs, f.Ap, f.As, f.Bx, f.Ax, f.Conditions ?? Conditions.None, f.Z) { SymbolId = f.SymbolId };
            case WireType.Trade:
                return new Trade(f.Symbol!, f.Time, f.P, f.Size, f.I, f.X, f.Conditions ?? Conditions.None, f.Z) { SymbolId = f.SymbolId };
            case WireType.Bar or WireType.DailyBar or WireType.UpdatedBar:
                var kind = f.Type == WireType.Bar ? BarKind.Minute : f.Type == WireType.DailyBar ? BarKind.Daily : BarKind.Updated;
                return new Bar(f.Symbol!, f.Time, f.O, f.H, f.L, f.Close, f.V, f.N, f.Vw, kind);
            case WireType.Correction:
                return new TradeCorrection(f.Symbol!, f.Time, f.X, f.Oi, f.Op, f.Os, f.Oc ?? Conditions.None, f.Ci, f.Cp, f.Cs, f.Cc ?? Conditions.None, f.Z);
            case WireType.Cancel:
                if (f.A is not ('C' or 'E'))
                {
                    error = ParseErrorKind.InvalidField;
                    missing = WireField.A;
                    return null;
                }
                return new TradeCancel(f.Symbol!, f.Time, f.I, f.X, f.P, f.Size, f.A == 'C' ? TradeCancelAction.Cancel : TradeCancelAction.Error, f.Z);
            case WireType.Status:
                return new TradingStatus(f.Symbol!, f.Time, f.Sc!, f.Sm ?? "", f.Rc ?? "", f.Rm ?? "", f.Z);
            case WireType.Luld:
                return new LimitUpLimitDown(f.Symbol!, f.Time, f.U, f.D, f.Indicator, f.Z);
            case WireType.Imbalance:
                return new OrderImbalance(f.Symbol!, f.Time, f.P, f.Z);
            case WireType.Success:
                return new StreamSuccess(f.Msg ?? "");
            case WireType.Error:
                return new StreamError(f.Code is >= int.MinValue and <= int.MaxValue ? (int)f.Code : 0, f.Msg ?? "");
            case WireType.Subscription:
                var s = f.Subscriptions ?? new string[SubscriptionKeys.Count][];
                return new SubscriptionSet(s[0] ?? [], s[1] ?? [], s[2] ?? [], s[3] ?? [], s[4] ?? [], s[5] ?? [], s[6] ?? [], s[7] ?? [], s[8] ?? [], s[9] ?? []);
            default:
                error = ParseErrorKind.UnknownType;
                return null;
        }
    }

    // Every data message needs its symbol and time.
    private static ulong Required(params ReadOnlySpan<WireField> fields) => WireFields.Mask(fields) | WireFields.Mask(WireField.S, WireField.Time);

    private static WireField FirstMissing(ulong present, ulong required)
    {
        var missing = required & ~present;
        return (WireField)System.Numerics.BitOperations.TrailingZeroCount(missing);
    }

    private static string FieldName(WireField field) => field switch
    {
        WireField.T => "T",
        WireField.S => "S",
        WireField.Time => "t",
        WireField.Size => "s",
        WireField.Subscription => "subscription",
        _ => s_fieldNames[(int)field],
    };
}

/// <summary>A symbol as the parser interns it: the string and its <see cref="SymbolIds"/> number.</summary>
internal readonly record struct InternedSymbol(string Symbol, int Id)
{
    public static InternedSymbol Create(string symbol) => new(symbol, symbol.Length == 0 ? 0 : SymbolIds.Of(symbol));
}
