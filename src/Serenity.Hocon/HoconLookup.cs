namespace Serenity.Hocon;

/// <summary>A self-reference into a previous value, e.g. <c>a = ${a.b}</c> after an earlier <c>a</c>.</summary>
internal sealed class HoconLookup : HoconValue
{
    public HoconLookup(HoconValue target, IReadOnlyList<string> rest, HoconSubstitution substitution)
        : base(substitution.Origin)
    {
        Target = target;
        Rest = rest;
        Substitution = substitution;
    }

    public HoconValue Target { get; }

    public IReadOnlyList<string> Rest { get; }

    public HoconSubstitution Substitution { get; }

    public override bool IsUnresolved => true;

    public override string Describe() => Substitution.Text;
}
