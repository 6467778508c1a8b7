namespace Serenity.MarketData.Alpaca.Parsing;

/// <summary>What a message object's <c>T</c> names.</summary>
internal enum WireType
{
    None,
    Unknown,
    Quote,
    Trade,
    Bar,
    DailyBar,
    UpdatedBar,
    Correction,
    Cancel,
    Status,
    Luld,
    Imbalance,
    Success,
    Error,
    Subscription,
}

/// <summary>
/// Scratch space for one message object: fields arrive in any order (<c>T</c> need not be first), so they
/// are collected here and the typed message is built at the object's end. Reset per message.
/// </summary>
internal struct WireFields
{
    public ulong Present;
    public WireType Type;
    public string? Symbol;
    public int SymbolId;
    public DateTime Time;
    public decimal Bp, Bs, Ap, As, P, Size, O, H, L, Close, V, Vw, Op, Os, Cp, Cs, U, D;
    public long I, N, Oi, Ci, Code;
    public char Bx, Ax, X, Z, A, Indicator;
    public Conditions? Conditions, Oc, Cc;
    public string? Msg, Sc, Sm, Rc, Rm;
    public string[]?[]? Subscriptions;

    /// <summary>
    /// Clears what a message may read without a presence check (references, letters, optional numbers);
    /// numbers guarded by <see cref="Present"/> keep stale values harmlessly. Cheaper than clearing all.
    /// </summary>
    public void Reset()
    {
        Present = 0;
        Type = WireType.None;
        Symbol = null;
        SymbolId = 0;
        Vw = 0;
        I = 0;
        N = 0;
        Bx = Ax = X = Z = A = Indicator = '\0';
        Conditions = Oc = Cc = null;
        Msg = Sc = Sm = Rc = Rm = null;
        Subscriptions = null;
    }

    public void Set(WireField field) => Present |= 1UL << (int)field;

    public readonly bool HasAll(ulong mask) => (Present & mask) == mask;

    public static ulong Mask(params ReadOnlySpan<WireField> fields)
    {
        ulong mask = 0;
        foreach (var f in fields) mask |= 1UL << (int)f;
        return mask;
    }
}
