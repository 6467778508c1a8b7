namespace Serenity.Hocon;

/// <summary>A node of the HOCON tree, either resolved (object, array, scalar) or not yet resolved.</summary>
internal abstract class HoconValue
{
    protected HoconValue(HoconOrigin origin)
    {
        Origin = origin;
    }

    /// <summary>Where the value was written.</summary>
    public HoconOrigin Origin { get; }

    /// <summary>True for nodes that need the resolver (substitutions, concatenations, delayed merges, look-ups).</summary>
    public virtual bool IsUnresolved => false;

    /// <summary>A short description for error messages ("'abc'", "an object", ...).</summary>
    public abstract string Describe();
}

/// <summary>The result of an optional substitution that found nothing: the field is not set.</summary>
internal sealed class HoconUndefined : HoconValue
{
    public static readonly HoconUndefined Instance = new();

    private HoconUndefined()
        : base(HoconOrigin.None)
    {
    }

    public override string Describe() => "nothing";
}
