using System.Diagnostics.CodeAnalysis;

namespace Serenity.Hocon;

/// <summary>An object: fields in definition order.</summary>
internal sealed class HoconObject : HoconValue
{
    private readonly OrderedDictionary<string, HoconValue> _fields = new(StringComparer.Ordinal);

    public HoconObject(HoconOrigin origin)
        : base(origin)
    {
    }

    public int Count => _fields.Count;

    public IReadOnlyList<string> Keys => _fields.Keys;

    public IEnumerable<KeyValuePair<string, HoconValue>> Fields => _fields;

    public bool TryGet(string key, [MaybeNullWhen(false)] out HoconValue value) => _fields.TryGetValue(key, out value);

    public HoconValue? Get(string key) => _fields.TryGetValue(key, out var value) ? value : null;

    /// <summary>Adds or replaces a field; a replaced field keeps its position.</summary>
    public void Set(string key, HoconValue value) => _fields[key] = value;

    public override string Describe() => "an object";
}
