namespace Serenity.MarketData;

/// <summary>
/// A <see cref="SymbolIds"/> number kept inside a record without being part of its value: any two hints are equal and
/// hash alike, so the record's synthesized equality and hash leave the id out (and, being private, so does its text).
/// </summary>
internal readonly struct SymbolIdHint(int value) : IEquatable<SymbolIdHint>
{
    public int Value { get; } = value;

    public static bool operator ==(SymbolIdHint left, SymbolIdHint right) => left.Equals(right);

    public static bool operator !=(SymbolIdHint left, SymbolIdHint right) => !left.Equals(right);

    public bool Equals(SymbolIdHint other) => true;

    public override bool Equals(object? obj) => obj is SymbolIdHint;

    public override int GetHashCode() => 0;
}
