using Serenity.Streams.Implementation;

namespace Serenity.Streams.Dsl;

/// <summary>The linear compositions Source/Flow/Sink share: connect an outlet of one graph to an inlet of the next.</summary>
internal static class Composition
{
    /// <summary>
    /// <paramref name="left"/>'s only outlet to <paramref name="right"/>'s first inlet; open ports are left's inlets
    /// then right's outlets; the materialized value is <paramref name="combine"/>(left, right).
    /// </summary>
    public static Blueprint LinearUntyped(Blueprint left, Blueprint right, Func<object?, object?, object?>? combine, bool keepLeft = false)
    {
        var builder = new BlueprintBuilder();
        var l = builder.Add(left);
        var r = builder.Add(right);
        builder.Connect(left.Outlets[0].Shift(l), right.Inlets[0].Shift(r));
        var mat = keepLeft ? left.Mat.Shift(l)
            : combine is null ? right.Mat.Shift(r)
            : MatNode.Combine(left.Mat.Shift(l), right.Mat.Shift(r), combine);
        return builder.Build(
            [.. left.Inlets.Select(p => p.Shift(l))],
            [.. right.Outlets.Select(p => p.Shift(r))],
            mat);
    }

    /// <summary>A typed combiner as an untyped one.</summary>
    public static Func<object?, object?, object?> Untyped<T1, T2, T3>(Func<T1, T2, T3> combine)
    {
        ArgumentNullException.ThrowIfNull(combine);
        return (a, b) => combine((T1)a!, (T2)b!);
    }

    /// <summary>A typed mapping as an untyped one.</summary>
    public static Func<object?, object?> Untyped<T1, T2>(Func<T1, T2> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return a => map((T1)a!);
    }

    /// <summary>True when <paramref name="combine"/> is <see cref="Keep.Left{TLeft,TRight}"/>.</summary>
    public static bool IsKeepLeft(Delegate combine) =>
        combine.Method.DeclaringType == typeof(Keep) && combine.Method.Name == nameof(Keep.Left);

    /// <summary>True when <paramref name="combine"/> is <see cref="Keep.Right{TLeft,TRight}"/>.</summary>
    public static bool IsKeepRight(Delegate combine) =>
        combine.Method.DeclaringType == typeof(Keep) && combine.Method.Name == nameof(Keep.Right);

    public static Blueprint Linear<TL, TR, TM>(Blueprint left, Blueprint right, Func<TL, TR, TM> combine) =>
        IsKeepLeft(combine) ? LinearUntyped(left, right, null, keepLeft: true)
        : IsKeepRight(combine) ? LinearUntyped(left, right, null)
        : LinearUntyped(left, right, Untyped(combine));
}
