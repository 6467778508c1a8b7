namespace Serenity.MarketData.Alpaca.Parsing;

/// <summary>
/// The plain-frame path: a frame in the shape servers send (an array of flat objects whose strings are printable
/// ASCII without escapes, whose numbers have no exponent and at most 18 digits, and whose arrays are condition
/// lists of such strings) is read by a scanner made for exactly that shape, several times cheaper per token than
/// <see cref="System.Text.Json.Utf8JsonReader"/>. The scanner only accepts well-formed JSON and stores values
/// through the same code as the general reader; anything else (escapes, null, nested objects, exponents,
/// control messages' symbol lists, any fault) sends the whole frame to the general reader, so results and error
/// counts are the same either way.
/// </summary>
public sealed partial class AlpacaMessageParser
{
    private const int MaxPlainDigits = 18; // WireValues.TryParseDecimal's own exact range

    /// <summary>Whether frames may take the plain-frame path (tests turn it off to compare).</summary>
    internal bool PlainFramesEnabled { get; set; } = true;

    /// <summary>How many frames the plain-frame path read.</summary>
    internal long PlainFrames { get; private set; }

    // The frame's message count, or -1 (nothing appended, nothing counted) when the general reader must read it.
    private int TryParsePlain(ReadOnlySpan<byte> frame, List<MarketDataMessage> output)
    {
        var start = output.Count;
        var i = SkipWhitespace(frame, 0);
        if (i >= frame.Length || frame[i] != '[') return -1;
        i = SkipWhitespace(frame, i + 1);
        if (i < frame.Length && frame[i] == ']')
        {
            i++;
        }
        else
        {
            while (true)
            {
                if (i >= frame.Length || frame[i] != '{' || (i = ReadPlainMessage(frame, i + 1, output)) < 0) return GiveUp(output, start);
                i = SkipWhitespace(frame, i);
                if (i >= frame.Length) return GiveUp(output, start);
                if (frame[i] == ']')
                {
                    i++;
                    break;
                }
                if (frame[i] != ',') return GiveUp(output, start);
                i = SkipWhitespace(frame, i + 1);
            }
        }
        if (SkipWhitespace(frame, i) != frame.Length) return GiveUp(output, start);
        ReportPending();
        PlainFrames++;
        return output.Count - start;
    }

    private static int GiveUp(List<MarketDataMessage> output, int start)
    {
        if (output.Count > start) output.RemoveRange(start, output.Count - start);
        return -1;
    }

    // Reads one object's members from just after its '{'; the index after its '}', or -1 to give up.
    private int ReadPlainMessage(ReadOnlySpan<byte> frame, int i, List<MarketDataMessage> output)
    {
        ref var f = ref _fields;
        f.Reset();
        var invalid = WireField.None;
        i = SkipWhitespace(frame, i);
        if (i < frame.Length && frame[i] == '}') return Finished(ref f, invalid, output, i + 1);
        while (true)
        {
            if ((i = ReadPlainString(frame, i, out var name)) < 0) return -1;
            var field = WireFieldNames.Lookup(name);
            if (field == WireField.Subscription) return -1;
            i = SkipWhitespace(frame, i);
            if (i >= frame.Length || frame[i] != ':') return -1;
            i = SkipWhitespace(frame, i + 1);
            if (i >= frame.Length) return -1;
            bool stored;
            var b = frame[i];
            if (b == '"')
            {
                if ((i = ReadPlainString(frame, i, out var text)) < 0) return -1;
                stored = StoreScalar(field, isString: true, text, ref f);
            }
            else if (b == '-' || b - (uint)'0' <= 9)
            {
                var begin = i;
                if ((i = ScanPlainNumber(frame, i)) < 0) return -1;
                stored = StoreScalar(field, isString: false, frame[begin..i], ref f);
            }
            else if (b == '[' && field is WireField.C or WireField.Oc or WireField.Cc)
            {
                var begin = i;
                if ((i = ScanPlainStringArray(frame, i + 1)) < 0) return -1;
                stored = StoreConditions(field, frame[begin..i], ref f);
            }
            else
            {
                return -1;
            }
            if (!stored && invalid == WireField.None) invalid = field;
            i = SkipWhitespace(frame, i);
            if (i >= frame.Length) return -1;
            if (frame[i] == '}') return Finished(ref f, invalid, output, i + 1);
            if (frame[i] != ',') return -1;
            i = SkipWhitespace(frame, i + 1);
        }
    }

    private int Finished(ref WireFields f, WireField invalid, List<MarketDataMessage> output, int next)
    {
        Finish(ref f, invalid, output);
        return next;
    }

    // A string at frame[i] ('"'): its content and the index after the closing quote, or -1 if not printable ASCII or escaped.
    private static int ReadPlainString(ReadOnlySpan<byte> frame, int i, out ReadOnlySpan<byte> content)
    {
        content = default;
        if (i >= frame.Length || frame[i] != '"') return -1;
        var begin = ++i;
        for (; i < frame.Length; i++)
        {
            var b = frame[i];
            if (b == '"')
            {
                content = frame[begin..i];
                return i + 1;
            }
            if (b is < 0x20 or > 0x7e or (byte)'\\') return -1;
        }
        return -1;
    }

    // A JSON number without exponent and with at most MaxPlainDigits digits: the index after it, or -1.
    private static int ScanPlainNumber(ReadOnlySpan<byte> frame, int i)
    {
        if (frame[i] == '-') i++;
        var begin = i;
        i = SkipDigits(frame, i);
        var digits = i - begin;
        if (digits == 0 || (digits > 1 && frame[begin] == '0')) return -1; // JSON has no leading zeros
        if (i < frame.Length && frame[i] == '.')
        {
            var fraction = ++i;
            i = SkipDigits(frame, i);
            if (i == fraction) return -1;
            digits += i - fraction;
        }
        if (digits > MaxPlainDigits || (i < frame.Length && (frame[i] | 0x20) == 'e')) return -1;
        return i;
    }

    // An array of plain strings, from just after its '[': the index after its ']', or -1.
    private static int ScanPlainStringArray(ReadOnlySpan<byte> frame, int i)
    {
        i = SkipWhitespace(frame, i);
        if (i < frame.Length && frame[i] == ']') return i + 1;
        while (true)
        {
            if ((i = ReadPlainString(frame, i, out _)) < 0) return -1;
            i = SkipWhitespace(frame, i);
            if (i >= frame.Length) return -1;
            if (frame[i] == ']') return i + 1;
            if (frame[i] != ',') return -1;
            i = SkipWhitespace(frame, i + 1);
        }
    }

    private static int SkipDigits(ReadOnlySpan<byte> frame, int i)
    {
        while (i < frame.Length && frame[i] - (uint)'0' <= 9) i++;
        return i;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> frame, int i)
    {
        while (i < frame.Length && frame[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') i++;
        return i;
    }
}
