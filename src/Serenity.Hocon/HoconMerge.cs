namespace Serenity.Hocon;

/// <summary>
/// Several definitions of one field whose merge must wait for resolution: the newest wins unless it and
/// the earlier ones resolve to objects, which then merge.
/// </summary>
internal sealed class HoconMerge : HoconValue
{
    public HoconMerge(HoconOrigin origin, IEnumerable<HoconValue> layers)
        : base(origin)
    {
        Layers = [.. layers];
    }

    /// <summary>Definitions from oldest to newest.</summary>
    public List<HoconValue> Layers { get; }

    public override bool IsUnresolved => true;

    public override string Describe() => "a merged value";
}
