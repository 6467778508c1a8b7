using Serenity.Streams.Implementation;

namespace Serenity.Streams.Dsl;

/// <summary>
/// Builds graphs that are not linear (fan-out, fan-in) by adding graphs and connecting their ports:
/// <c>GraphDsl.Create(b => { var bcast = b.Add(new Broadcast&lt;int&gt;(2)); b.From(source).To(bcast); ...; return ClosedShape.Instance; })</c>.
/// </summary>
public static class GraphDsl
{
    /// <summary>A graph whose materialized value is NotUsed.</summary>
    public static IGraph<TShape, NotUsed> Create<TShape>(Func<Builder<NotUsed>, TShape> buildBlock) where TShape : Shape
    {
        ArgumentNullException.ThrowIfNull(buildBlock);
        var builder = new Builder<NotUsed>();
        return builder.Result(buildBlock(builder), MatNode.NotUsedValue);
    }

    /// <summary>A graph that materializes to <paramref name="graph"/>'s value; <paramref name="buildBlock"/> gets its added shape.</summary>
    public static IGraph<TShape, TMat> Create<TShape, TShape1, TMat>(IGraph<TShape1, TMat> graph, Func<Builder<TMat>, TShape1, TShape> buildBlock)
        where TShape : Shape
        where TShape1 : Shape
    {
        ArgumentNullException.ThrowIfNull(buildBlock);
        var builder = new Builder<TMat>();
        var (shape, mat) = builder.AddWithValue(graph);
        return builder.Result(buildBlock(builder, shape), mat);
    }

    /// <summary>A graph that materializes to <paramref name="combine"/> of two added graphs' values.</summary>
    public static IGraph<TShape, TMat> Create<TShape, TShape1, TShape2, TMat1, TMat2, TMat>(
        IGraph<TShape1, TMat1> graph1, IGraph<TShape2, TMat2> graph2, Func<TMat1, TMat2, TMat> combine, Func<Builder<TMat>, TShape1, TShape2, TShape> buildBlock)
        where TShape : Shape
        where TShape1 : Shape
        where TShape2 : Shape
    {
        ArgumentNullException.ThrowIfNull(buildBlock);
        var builder = new Builder<TMat>();
        var (shape1, mat1) = builder.AddWithValue(graph1);
        var (shape2, mat2) = builder.AddWithValue(graph2);
        return builder.Result(buildBlock(builder, shape1, shape2), MatNode.Combine(mat1, mat2, Composition.Untyped(combine)));
    }

    /// <summary>Collects graphs and edges while a graph is being built.</summary>
    public sealed class Builder<TMat> : IPortConnector
    {
        private readonly BlueprintBuilder _blueprint = new();
        private readonly Dictionary<Inlet, PortRef> _inlets = [];
        private readonly Dictionary<Outlet, PortRef> _outlets = [];
        private readonly HashSet<Inlet> _connectedInlets = [];
        private readonly HashSet<Outlet> _connectedOutlets = [];

        internal Builder()
        {
        }

        /// <summary>Adds a copy of <paramref name="graph"/>; returns its shape, with ports to connect.</summary>
        public TShape Add<TShape, TMat2>(IGraph<TShape, TMat2> graph) where TShape : Shape => AddWithValue(graph).Shape;

        /// <summary>Connects <paramref name="from"/> to <paramref name="to"/>.</summary>
        public void AddEdge<T>(Outlet<T> from, Inlet<T> to)
        {
            var outRef = _outlets.TryGetValue(from, out var o) ? o : throw new ArgumentException($"{from} was not added to this builder", nameof(from));
            var inRef = _inlets.TryGetValue(to, out var i) ? i : throw new ArgumentException($"{to} was not added to this builder", nameof(to));
            if (!_connectedOutlets.Add(from)) throw new ArgumentException($"{from} is already connected", nameof(from));
            if (!_connectedInlets.Add(to)) throw new ArgumentException($"{to} is already connected", nameof(to));
            _blueprint.Connect(outRef, inRef);
        }

        void IPortConnector.Connect<T>(Outlet<T> from, Inlet<T> to) => AddEdge(from, to);

        /// <summary>Starts an edge at <paramref name="outlet"/>.</summary>
        public ForwardOps<T> From<T>(Outlet<T> outlet) => new(this, outlet);

        /// <summary>Starts an edge at a source's outlet.</summary>
        public ForwardOps<T> From<T>(SourceShape<T> source) => From(source.Out);

        /// <summary>Starts an edge at a flow's outlet.</summary>
        public ForwardOps<TOut> From<TIn, TOut>(FlowShape<TIn, TOut> flow) => From(flow.Out);

        /// <summary>Starts an edge at a fan-in's outlet.</summary>
        public ForwardOps<TOut> From<TIn, TOut>(UniformFanInShape<TIn, TOut> fanIn) => From(fanIn.Out);

        /// <summary>Starts an edge at the first unconnected outlet of a fan-out.</summary>
        public ForwardOps<TOut> From<TIn, TOut>(UniformFanOutShape<TIn, TOut> fanOut) => From(NextFree(fanOut.Outs));

        /// <summary>Adds <paramref name="source"/> and starts an edge at its outlet.</summary>
        public ForwardOps<T> From<T, TMat2>(IGraph<SourceShape<T>, TMat2> source) => From(Add(source).Out);

        internal (TShape Shape, MatNode Mat) AddWithValue<TShape, TMat2>(IGraph<TShape, TMat2> graph) where TShape : Shape
        {
            ArgumentNullException.ThrowIfNull(graph);
            var blueprint = graph.BlueprintOf();
            var offset = _blueprint.Add(blueprint);
            var copy = (TShape)graph.Shape.DeepCopy();
            for (var i = 0; i < copy.Inlets.Count; i++) _inlets[copy.Inlets[i]] = blueprint.Inlets[i].Shift(offset);
            for (var i = 0; i < copy.Outlets.Count; i++) _outlets[copy.Outlets[i]] = blueprint.Outlets[i].Shift(offset);
            return (copy, blueprint.Mat.Shift(offset));
        }

        /// <summary>The first unconnected inlet among <paramref name="inlets"/>.</summary>
        public Inlet<T> NextFree<T>(IReadOnlyList<Inlet<T>> inlets) =>
            inlets.FirstOrDefault(i => !_connectedInlets.Contains(i)) ?? throw new InvalidOperationException("No more free inlets on this fan-in");

        /// <summary>The first unconnected outlet among <paramref name="outlets"/>.</summary>
        public Outlet<T> NextFree<T>(IReadOnlyList<Outlet<T>> outlets) =>
            outlets.FirstOrDefault(o => !_connectedOutlets.Contains(o)) ?? throw new InvalidOperationException("No more free outlets on this fan-out");

        internal IGraph<TShape, TMat> Result<TShape>(TShape shape, MatNode mat) where TShape : Shape
        {
            ArgumentNullException.ThrowIfNull(shape);
            var open = shape.Inlets.Cast<object>().Concat(shape.Outlets).ToHashSet();
            var dangling = _inlets.Keys.Where(i => !_connectedInlets.Contains(i) && !open.Contains(i)).Select(i => i.ToString())
                .Concat(_outlets.Keys.Where(o => !_connectedOutlets.Contains(o) && !open.Contains(o)).Select(o => o.ToString()))
                .ToList();
            if (dangling.Count > 0)
            {
                throw new InvalidOperationException($"Illegal GraphDsl usage: ports [{string.Join(", ", dangling)}] are neither connected nor part of the resulting shape");
            }
            var inlets = shape.Inlets.Select(i => _inlets.TryGetValue(i, out var r) ? r : throw new InvalidOperationException($"{i} of the resulting shape was not added to this builder")).ToArray();
            var outlets = shape.Outlets.Select(o => _outlets.TryGetValue(o, out var r) ? r : throw new InvalidOperationException($"{o} of the resulting shape was not added to this builder")).ToArray();
            return new GenericGraph<TShape, TMat>(shape, _blueprint.Build(inlets, outlets, mat));
        }
    }

    /// <summary>An edge under construction, at an outlet of type <typeparamref name="T"/>.</summary>
    public sealed class ForwardOps<T>
    {
        private readonly IPortConnector _builder;
        private readonly Outlet<T> _outlet;

        internal ForwardOps(IPortConnector builder, Outlet<T> outlet)
        {
            _builder = builder;
            _outlet = outlet;
        }

        /// <summary>Ends the edge at <paramref name="inlet"/>.</summary>
        public void To(Inlet<T> inlet) => _builder.Connect(_outlet, inlet);

        /// <summary>Ends the edge at a sink.</summary>
        public void To(SinkShape<T> sink) => To(sink.In);

        /// <summary>Adds <paramref name="sink"/> and ends the edge at it.</summary>
        public void To<TMat2>(IGraph<SinkShape<T>, TMat2> sink) => To(_builder.Add(sink).In);

        /// <summary>Ends the edge at the first unconnected inlet of a fan-in.</summary>
        public void To<TOut>(UniformFanInShape<T, TOut> fanIn) => To(_builder.NextFree(fanIn.Ins));

        /// <summary>Ends the edge at a fan-out's inlet.</summary>
        public void To<TOut>(UniformFanOutShape<T, TOut> fanOut) => To(fanOut.In);

        /// <summary>Ends the edge at a flow's inlet (its outlet stays to connect).</summary>
        public void To<TOut>(FlowShape<T, TOut> flow) => To(flow.In);

        /// <summary>Continues through a flow.</summary>
        public ForwardOps<TOut> Via<TOut>(FlowShape<T, TOut> flow)
        {
            To(flow.In);
            return new ForwardOps<TOut>(_builder, flow.Out);
        }

        /// <summary>Adds <paramref name="flow"/> and continues through it.</summary>
        public ForwardOps<TOut> Via<TOut, TMat2>(IGraph<FlowShape<T, TOut>, TMat2> flow) => Via(_builder.Add(flow));

        /// <summary>Continues into a fan-in's first free inlet and out of its outlet.</summary>
        public ForwardOps<TOut> Via<TOut>(UniformFanInShape<T, TOut> fanIn)
        {
            To(fanIn);
            return new ForwardOps<TOut>(_builder, fanIn.Out);
        }

        /// <summary>Continues into a fan-out and out of its first free outlet.</summary>
        public ForwardOps<TOut> Via<TOut>(UniformFanOutShape<T, TOut> fanOut)
        {
            To(fanOut.In);
            return new ForwardOps<TOut>(_builder, _builder.NextFree(fanOut.Outs));
        }
    }

    /// <summary>What <see cref="ForwardOps{T}"/> needs of its builder.</summary>
    internal interface IPortConnector
    {
        void Connect<T>(Outlet<T> from, Inlet<T> to);

        TShape Add<TShape, TMat2>(IGraph<TShape, TMat2> graph) where TShape : Shape;

        Inlet<T> NextFree<T>(IReadOnlyList<Inlet<T>> inlets);

        Outlet<T> NextFree<T>(IReadOnlyList<Outlet<T>> outlets);
    }
}
