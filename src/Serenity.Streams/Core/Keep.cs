namespace Serenity.Streams;

/// <summary>Combiners for materialized values: which side's value a composed graph keeps.</summary>
public static class Keep
{
    /// <summary>Keeps the left (upstream) value.</summary>
    public static TLeft Left<TLeft, TRight>(TLeft left, TRight right) => left;

    /// <summary>Keeps the right (downstream) value.</summary>
    public static TRight Right<TLeft, TRight>(TLeft left, TRight right) => right;

    /// <summary>Keeps both as a tuple.</summary>
    public static (TLeft, TRight) Both<TLeft, TRight>(TLeft left, TRight right) => (left, right);

    /// <summary>Keeps neither.</summary>
    public static NotUsed None<TLeft, TRight>(TLeft left, TRight right) => NotUsed.Instance;
}
