namespace Serenity.Streams.Implementation;

/// <summary>
/// How a graph's materialized value is computed from its stages' values: a small expression tree built
/// while composing (Keep.Left/Right/Both, MapMaterializedValue) and evaluated once per materialization.
/// Stage indices are relative; composition shifts them instead of rewriting the tree.
/// </summary>
internal abstract class MatNode
{
    public static readonly MatNode NotUsedValue = new Constant(NotUsed.Instance);

    public abstract object? Eval(object?[] stageValues, int offset);

    public static MatNode Stage(int index) => new StageValue(index);

    public MatNode Shift(int offset) => offset == 0 ? this : new Shifted(this, offset);

    public static MatNode Combine(MatNode left, MatNode right, Func<object?, object?, object?> combine) => new Combined(left, right, combine);

    public MatNode Map(Func<object?, object?> map) => new Mapped(this, map);

    private sealed class Constant(object? value) : MatNode
    {
        public override object? Eval(object?[] stageValues, int offset) => value;
    }

    private sealed class StageValue(int index) : MatNode
    {
        public override object? Eval(object?[] stageValues, int offset) => stageValues[offset + index];
    }

    private sealed class Shifted(MatNode inner, int by) : MatNode
    {
        public override object? Eval(object?[] stageValues, int offset) => inner.Eval(stageValues, offset + by);
    }

    private sealed class Combined(MatNode left, MatNode right, Func<object?, object?, object?> combine) : MatNode
    {
        public override object? Eval(object?[] stageValues, int offset) =>
            combine(left.Eval(stageValues, offset), right.Eval(stageValues, offset));
    }

    private sealed class Mapped(MatNode inner, Func<object?, object?> map) : MatNode
    {
        public override object? Eval(object?[] stageValues, int offset) => map(inner.Eval(stageValues, offset));
    }
}
