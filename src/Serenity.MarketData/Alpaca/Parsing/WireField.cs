namespace Serenity.MarketData.Alpaca.Parsing;

/// <summary>The keys of Alpaca's message objects (one bit each in <see cref="WireFields.Present"/>).</summary>
internal enum WireField
{
    None = -1,
    T, S, Time,
    Bx, Bp, Bs, Ax, Ap, As, C, Z,
    I, X, P, Size,
    O, H, L, V, N, Vw,
    Oi, Op, Os, Oc, Ci, Cp, Cs, Cc,
    A, Sc, Sm, Rc, Rm, U, D,
    Msg, Code,
    Subscription,
}

/// <summary>Maps a property name's UTF-8 bytes to its <see cref="WireField"/> without allocating.</summary>
internal static class WireFieldNames
{
    public static WireField Lookup(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 1:
                return name[0] switch
                {
                    (byte)'T' => WireField.T,
                    (byte)'S' => WireField.S,
                    (byte)'t' => WireField.Time,
                    (byte)'c' => WireField.C,
                    (byte)'z' => WireField.Z,
                    (byte)'i' => WireField.I,
                    (byte)'x' => WireField.X,
                    (byte)'p' => WireField.P,
                    (byte)'s' => WireField.Size,
                    (byte)'o' => WireField.O,
                    (byte)'h' => WireField.H,
                    (byte)'l' => WireField.L,
                    (byte)'v' => WireField.V,
                    (byte)'n' => WireField.N,
                    (byte)'a' => WireField.A,
                    (byte)'u' => WireField.U,
                    (byte)'d' => WireField.D,
                    _ => WireField.None,
                };
            case 2:
                return (name[0] << 8 | name[1]) switch
                {
                    'b' << 8 | 'x' => WireField.Bx,
                    'b' << 8 | 'p' => WireField.Bp,
                    'b' << 8 | 's' => WireField.Bs,
                    'a' << 8 | 'x' => WireField.Ax,
                    'a' << 8 | 'p' => WireField.Ap,
                    'a' << 8 | 's' => WireField.As,
                    'v' << 8 | 'w' => WireField.Vw,
                    'o' << 8 | 'i' => WireField.Oi,
                    'o' << 8 | 'p' => WireField.Op,
                    'o' << 8 | 's' => WireField.Os,
                    'o' << 8 | 'c' => WireField.Oc,
                    'c' << 8 | 'i' => WireField.Ci,
                    'c' << 8 | 'p' => WireField.Cp,
                    'c' << 8 | 's' => WireField.Cs,
                    'c' << 8 | 'c' => WireField.Cc,
                    's' << 8 | 'c' => WireField.Sc,
                    's' << 8 | 'm' => WireField.Sm,
                    'r' << 8 | 'c' => WireField.Rc,
                    'r' << 8 | 'm' => WireField.Rm,
                    _ => WireField.None,
                };
            default:
                if (name.SequenceEqual("msg"u8)) return WireField.Msg;
                if (name.SequenceEqual("code"u8)) return WireField.Code;
                return SubscriptionKeys.IndexOf(name) >= 0 ? WireField.Subscription : WireField.None;
        }
    }
}

/// <summary>The keys of a <c>subscription</c> message, in <see cref="SubscriptionSet"/>'s order.</summary>
internal static class SubscriptionKeys
{
    public const int Count = 10;

    public static int IndexOf(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("trades"u8) => 0,
        _ when name.SequenceEqual("quotes"u8) => 1,
        _ when name.SequenceEqual("bars"u8) => 2,
        _ when name.SequenceEqual("dailyBars"u8) => 3,
        _ when name.SequenceEqual("updatedBars"u8) => 4,
        _ when name.SequenceEqual("statuses"u8) => 5,
        _ when name.SequenceEqual("lulds"u8) => 6,
        _ when name.SequenceEqual("imbalances"u8) => 7,
        _ when name.SequenceEqual("corrections"u8) => 8,
        _ when name.SequenceEqual("cancelErrors"u8) => 9,
        _ => -1,
    };
}
