namespace Serenity.Hocon;

/// <summary>A value concatenation that needs resolving (it contains substitutions, arrays or objects).</summary>
internal sealed class HoconConcatenation : HoconValue
{
    public HoconConcatenation(HoconOrigin origin, IEnumerable<HoconValue> parts)
        : base(origin)
    {
        Parts = [.. parts];
    }

    /// <summary>Parts in order; whitespace between them is kept as whitespace scalars.</summary>
    public List<HoconValue> Parts { get; }

    public override bool IsUnresolved => true;

    public override string Describe() => "a concatenation";
}
