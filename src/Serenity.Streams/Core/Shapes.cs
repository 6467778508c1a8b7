namespace Serenity.Streams;

/// <summary>The open ports of a graph: its inlets and outlets, in a fixed order.</summary>
public abstract class Shape
{
    /// <summary>The input ports.</summary>
    public abstract IReadOnlyList<Inlet> Inlets { get; }

    /// <summary>The output ports.</summary>
    public abstract IReadOnlyList<Outlet> Outlets { get; }

    /// <summary>The same shape with fresh ports.</summary>
    public abstract Shape DeepCopy();

    /// <inheritdoc />
    public override string ToString() =>
        $"{GetType().Name.Split('`')[0]}([{string.Join(", ", Inlets)}], [{string.Join(", ", Outlets)}])";
}

/// <summary>No open ports: a graph that can run.</summary>
public sealed class ClosedShape : Shape
{
    /// <summary>The one instance.</summary>
    public static readonly ClosedShape Instance = new();

    private ClosedShape()
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<Inlet> Inlets => [];

    /// <inheritdoc />
    public override IReadOnlyList<Outlet> Outlets => [];

    /// <inheritdoc />
    public override Shape DeepCopy() => this;
}

/// <summary>One outlet.</summary>
public sealed class SourceShape<TOut>(Outlet<TOut> outlet) : Shape
{
    /// <summary>The outlet.</summary>
    public Outlet<TOut> Out { get; } = outlet ?? throw new ArgumentNullException(nameof(outlet));

    /// <inheritdoc />
    public override IReadOnlyList<Inlet> Inlets => [];

    /// <inheritdoc />
    public override IReadOnlyList<Outlet> Outlets => [Out];

    /// <inheritdoc />
    public override Shape DeepCopy() => new SourceShape<TOut>((Outlet<TOut>)Out.CarbonCopy());
}

/// <summary>One inlet.</summary>
public sealed class SinkShape<TIn>(Inlet<TIn> inlet) : Shape
{
    /// <summary>The inlet.</summary>
    public Inlet<TIn> In { get; } = inlet ?? throw new ArgumentNullException(nameof(inlet));

    /// <inheritdoc />
    public override IReadOnlyList<Inlet> Inlets => [In];

    /// <inheritdoc />
    public override IReadOnlyList<Outlet> Outlets => [];

    /// <inheritdoc />
    public override Shape DeepCopy() => new SinkShape<TIn>((Inlet<TIn>)In.CarbonCopy());
}

/// <summary>One inlet and one outlet.</summary>
public sealed class FlowShape<TIn, TOut>(Inlet<TIn> inlet, Outlet<TOut> outlet) : Shape
{
    /// <summary>The inlet.</summary>
    public Inlet<TIn> In { get; } = inlet ?? throw new ArgumentNullException(nameof(inlet));

    /// <summary>The outlet.</summary>
    public Outlet<TOut> Out { get; } = outlet ?? throw new ArgumentNullException(nameof(outlet));

    /// <inheritdoc />
    public override IReadOnlyList<Inlet> Inlets => [In];

    /// <inheritdoc />
    public override IReadOnlyList<Outlet> Outlets => [Out];

    /// <inheritdoc />
    public override Shape DeepCopy() => new FlowShape<TIn, TOut>((Inlet<TIn>)In.CarbonCopy(), (Outlet<TOut>)Out.CarbonCopy());
}

/// <summary>One inlet and several outlets of one type (Broadcast).</summary>
public sealed class UniformFanOutShape<TIn, TOut> : Shape
{
    private readonly Outlet<TOut>[] _outs;

    /// <summary>Creates the shape.</summary>
    public UniformFanOutShape(Inlet<TIn> inlet, params Outlet<TOut>[] outlets)
    {
        In = inlet ?? throw new ArgumentNullException(nameof(inlet));
        _outs = outlets ?? throw new ArgumentNullException(nameof(outlets));
    }

    /// <summary>The inlet.</summary>
    public Inlet<TIn> In { get; }

    /// <summary>The outlets.</summary>
    public IReadOnlyList<Outlet<TOut>> Outs => _outs;

    /// <summary>Outlet number <paramref name="index"/>.</summary>
    public Outlet<TOut> Out(int index) => _outs[index];

    /// <inheritdoc />
    public override IReadOnlyList<Inlet> Inlets => [In];

    /// <inheritdoc />
    public override IReadOnlyList<Outlet> Outlets => _outs;

    /// <inheritdoc />
    public override Shape DeepCopy() =>
        new UniformFanOutShape<TIn, TOut>((Inlet<TIn>)In.CarbonCopy(), [.. _outs.Select(o => (Outlet<TOut>)o.CarbonCopy())]);
}

/// <summary>Several inlets of one type and one outlet (Merge).</summary>
public sealed class UniformFanInShape<TIn, TOut> : Shape
{
    private readonly Inlet<TIn>[] _ins;

    /// <summary>Creates the shape.</summary>
    public UniformFanInShape(Outlet<TOut> outlet, params Inlet<TIn>[] inlets)
    {
        Out = outlet ?? throw new ArgumentNullException(nameof(outlet));
        _ins = inlets ?? throw new ArgumentNullException(nameof(inlets));
    }

    /// <summary>The outlet.</summary>
    public Outlet<TOut> Out { get; }

    /// <summary>The inlets.</summary>
    public IReadOnlyList<Inlet<TIn>> Ins => _ins;

    /// <summary>Inlet number <paramref name="index"/>.</summary>
    public Inlet<TIn> In(int index) => _ins[index];

    /// <inheritdoc />
    public override IReadOnlyList<Inlet> Inlets => _ins;

    /// <inheritdoc />
    public override IReadOnlyList<Outlet> Outlets => [Out];

    /// <inheritdoc />
    public override Shape DeepCopy() =>
        new UniformFanInShape<TIn, TOut>((Outlet<TOut>)Out.CarbonCopy(), [.. _ins.Select(i => (Inlet<TIn>)i.CarbonCopy())]);
}
