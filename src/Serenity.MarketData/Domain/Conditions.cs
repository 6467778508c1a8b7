using System.Collections;

namespace Serenity.MarketData;

/// <summary>
/// The condition codes of a quote or trade (<c>["@","I"]</c>). Immutable and compared by value; parsers
/// share one instance per distinct list, so carrying it costs no allocation per message.
/// </summary>
public sealed class Conditions : IReadOnlyList<string>, IEquatable<Conditions>
{
    private readonly string[] _codes;

    /// <summary>No conditions.</summary>
    public static readonly Conditions None = new([]);

    /// <summary>A list of codes (copied).</summary>
    public Conditions(IEnumerable<string> codes) => _codes = [.. codes ?? throw new ArgumentNullException(nameof(codes))];

    /// <inheritdoc />
    public int Count => _codes.Length;

    /// <inheritdoc />
    public string this[int index] => _codes[index];

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_codes).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(Conditions? other) => other is not null && _codes.AsSpan().SequenceEqual(other._codes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Conditions);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in _codes) hash.Add(c, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(',', _codes) + "]";
}
