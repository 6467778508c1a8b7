using System.Buffers.Text;
using System.Text;

namespace Serenity.MarketData.Alpaca.Parsing;

/// <summary>Storing a message's field values into <see cref="WireFields"/>: shared by the general reader and the plain-frame path.</summary>
public sealed partial class AlpacaMessageParser
{
    // Throws on bytes that are not UTF-8, as Utf8JsonReader.GetString does (both end as a malformed frame).
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Stores a number's text or an unescaped string's content (<paramref name="isString"/>) into the field's slot;
    /// false when the field cannot take that value. Unknown fields take anything.
    /// </summary>
    private bool StoreScalar(WireField field, bool isString, ReadOnlySpan<byte> text, ref WireFields f)
    {
        switch (field)
        {
            case WireField.T:
                if (!isString) return false;
                f.Type = TypeOf(text);
                break;
            case WireField.S:
                if (!isString) return false;
                (f.Symbol, f.SymbolId) = _symbols.Get(text);
                if (string.IsNullOrEmpty(f.Symbol)) return false;
                break;
            case WireField.Time:
                if (!isString || !WireValues.TryParseTimestamp(text, out f.Time)) return false;
                break;
            case WireField.Bp: return WireValues.TryParseDecimal(text, out f.Bp) && Set(ref f, field);
            case WireField.Bs: return WireValues.TryParseDecimal(text, out f.Bs) && Set(ref f, field);
            case WireField.Ap: return WireValues.TryParseDecimal(text, out f.Ap) && Set(ref f, field);
            case WireField.As: return WireValues.TryParseDecimal(text, out f.As) && Set(ref f, field);
            case WireField.P: return WireValues.TryParseDecimal(text, out f.P) && Set(ref f, field);
            case WireField.Size: return WireValues.TryParseDecimal(text, out f.Size) && Set(ref f, field);
            case WireField.O: return WireValues.TryParseDecimal(text, out f.O) && Set(ref f, field);
            case WireField.H: return WireValues.TryParseDecimal(text, out f.H) && Set(ref f, field);
            case WireField.L: return WireValues.TryParseDecimal(text, out f.L) && Set(ref f, field);
            case WireField.C: return WireValues.TryParseDecimal(text, out f.Close) && Set(ref f, field); // a bar's close
            case WireField.V: return WireValues.TryParseDecimal(text, out f.V) && Set(ref f, field);
            case WireField.Vw: return WireValues.TryParseDecimal(text, out f.Vw) && Set(ref f, field);
            case WireField.Op: return WireValues.TryParseDecimal(text, out f.Op) && Set(ref f, field);
            case WireField.Os: return WireValues.TryParseDecimal(text, out f.Os) && Set(ref f, field);
            case WireField.Cp: return WireValues.TryParseDecimal(text, out f.Cp) && Set(ref f, field);
            case WireField.Cs: return WireValues.TryParseDecimal(text, out f.Cs) && Set(ref f, field);
            case WireField.U: return WireValues.TryParseDecimal(text, out f.U) && Set(ref f, field);
            case WireField.D: return WireValues.TryParseDecimal(text, out f.D) && Set(ref f, field);
            case WireField.N: return !isString && TryParseInt64(text, out f.N) && Set(ref f, field);
            case WireField.Oi: return !isString && TryParseInt64(text, out f.Oi) && Set(ref f, field);
            case WireField.Ci: return !isString && TryParseInt64(text, out f.Ci) && Set(ref f, field);
            case WireField.Code: return !isString && TryParseInt64(text, out f.Code) && Set(ref f, field);
            case WireField.I:
                // "i" is a trade id (a number), or the indicator of a LULD message (a one-letter string).
                if (isString) return ReadChar(text, out f.Indicator);
                return TryParseInt64(text, out f.I) && Set(ref f, field);
            case WireField.Bx: return isString && ReadChar(text, out f.Bx);
            case WireField.Ax: return isString && ReadChar(text, out f.Ax);
            case WireField.X: return isString && ReadChar(text, out f.X);
            case WireField.Z: return isString && ReadChar(text, out f.Z);
            case WireField.A: return isString && ReadChar(text, out f.A) && Set(ref f, field);
            case WireField.Msg: return isString && Text(text, out f.Msg);
            case WireField.Sc: return isString && Text(text, out f.Sc) && Set(ref f, field);
            case WireField.Sm: return isString && Text(text, out f.Sm);
            case WireField.Rc: return isString && Text(text, out f.Rc);
            case WireField.Rm: return isString && Text(text, out f.Rm);
            case WireField.None:
                return true; // unknown keys are skipped: newer servers add fields
            default:
                return false; // condition lists and subscriptions are arrays
        }
        f.Set(field);
        return true;
    }

    /// <summary>Stores a condition list from the raw text of its JSON array (interned by that text).</summary>
    private bool StoreConditions(WireField field, ReadOnlySpan<byte> array, ref WireFields f)
    {
        var conditions = _conditions.Get(array);
        switch (field)
        {
            case WireField.C: f.Conditions = conditions; break;
            case WireField.Oc: f.Oc = conditions; break;
            default: f.Cc = conditions; break;
        }
        return conditions is not null;
    }

    private static bool Set(ref WireFields f, WireField field)
    {
        f.Set(field);
        return true;
    }

    // What Utf8JsonReader.TryGetInt64 does with a number's text.
    private static bool TryParseInt64(ReadOnlySpan<byte> text, out long value) =>
        Utf8Parser.TryParse(text, out value, out var used) && used == text.Length;

    // An exchange code or flag: one printable ASCII letter, or none.
    private static bool ReadChar(ReadOnlySpan<byte> text, out char value)
    {
        value = '\0';
        if (text.Length == 0) return true;
        if (text[0] is < 0x20 or > 0x7e) return false;
        value = (char)text[0];
        return true;
    }

    private static bool Text(ReadOnlySpan<byte> text, out string? value)
    {
        value = s_strictUtf8.GetString(text);
        return true;
    }
}
