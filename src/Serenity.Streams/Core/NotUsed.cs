namespace Serenity.Streams;

/// <summary>The materialized value of a graph that has nothing to hand out.</summary>
public sealed class NotUsed
{
    /// <summary>The one instance.</summary>
    public static readonly NotUsed Instance = new();

    private NotUsed()
    {
    }

    /// <inheritdoc />
    public override string ToString() => "NotUsed";
}
