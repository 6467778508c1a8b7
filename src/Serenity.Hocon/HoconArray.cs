namespace Serenity.Hocon;

/// <summary>An array of values.</summary>
internal sealed class HoconArray : HoconValue
{
    public HoconArray(HoconOrigin origin, IEnumerable<HoconValue>? items = null)
        : base(origin)
    {
        Items = items is null ? [] : [.. items];
    }

    public List<HoconValue> Items { get; }

    public override string Describe() => "an array";
}
