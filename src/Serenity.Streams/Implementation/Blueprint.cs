using Serenity.Streams.Stage;

namespace Serenity.Streams.Implementation;

/// <summary>A port of a stage inside a blueprint: stage index, port index within that stage's shape.</summary>
internal readonly record struct PortRef(int Stage, int Port)
{
    public PortRef Shift(int offset) => new(Stage + offset, Port);
}

/// <summary>A connection from an outlet to an inlet.</summary>
internal readonly record struct Edge(PortRef From, PortRef To);

/// <summary>
/// One atomic stage in a blueprint with the attributes inherited from the composites around it (least
/// specific first) and its island: stages of one island are fused into one interpreter.
/// </summary>
internal readonly record struct StageEntry(IAtomicStage Stage, Attributes Attributes, int Island);

/// <summary>
/// The immutable description of a graph: a flat list of atomic stages, the edges between their ports,
/// which ports are still open (aligned with the graph's shape), how the materialized value is computed,
/// and the attributes put on the graph as a whole. Composition copies and shifts; nothing is shared
/// mutably, so a blueprint can be materialized any number of times.
/// </summary>
internal sealed class Blueprint
{
    public Blueprint(StageEntry[] stages, Edge[] edges, PortRef[] inlets, PortRef[] outlets, MatNode mat, Attributes attributes, int islandCount)
    {
        Stages = stages;
        Edges = edges;
        Inlets = inlets;
        Outlets = outlets;
        Mat = mat;
        Attributes = attributes;
        IslandCount = islandCount;
    }

    public StageEntry[] Stages { get; }

    public Edge[] Edges { get; }

    /// <summary>Open inlets, in the order of the graph's <see cref="Shape.Inlets"/>.</summary>
    public PortRef[] Inlets { get; }

    /// <summary>Open outlets, in the order of the graph's <see cref="Shape.Outlets"/>.</summary>
    public PortRef[] Outlets { get; }

    public MatNode Mat { get; }

    /// <summary>Attributes of the graph as a whole (pushed into its stages when it is composed).</summary>
    public Attributes Attributes { get; }

    /// <summary>Islands used by <see cref="Stages"/>; island 0 is the one later additions fuse with.</summary>
    public int IslandCount { get; }

    public static Blueprint Atomic(IAtomicStage stage) => new(
        [new StageEntry(stage, stage.InitialAttributes, 0)],
        [],
        [.. Enumerable.Range(0, stage.Shape.Inlets.Count).Select(i => new PortRef(0, i))],
        [.. Enumerable.Range(0, stage.Shape.Outlets.Count).Select(i => new PortRef(0, i))],
        MatNode.Stage(0),
        Attributes.None,
        1);

    public Blueprint WithAttributes(Attributes attributes) => new(Stages, Edges, Inlets, Outlets, Mat, attributes, IslandCount);

    public Blueprint AddAttributes(Attributes attributes) => WithAttributes(Attributes.And(attributes));

    public Blueprint WithMat(MatNode mat) => new(Stages, Edges, Inlets, Outlets, mat, Attributes, IslandCount);
}

/// <summary>Composes blueprints: adds them (flattening their own attributes and islands), connects ports, builds.</summary>
internal sealed class BlueprintBuilder
{
    private readonly List<StageEntry> _stages = [];
    private readonly List<Edge> _edges = [];
    private int _islands = 1;

    /// <summary>Adds <paramref name="blueprint"/>'s stages; returns the offset of its stage indices.</summary>
    public int Add(Blueprint blueprint)
    {
        var offset = _stages.Count;
        // An async graph keeps to itself: even its main island becomes a new one. Otherwise the main
        // islands fuse and the graph's other islands get fresh numbers.
        var isAsync = blueprint.Attributes.Contains<Attributes.AsyncBoundary>();
        var islands = new int[blueprint.IslandCount];
        for (var i = 0; i < islands.Length; i++) islands[i] = i == 0 && !isAsync ? 0 : _islands++;
        foreach (var entry in blueprint.Stages)
        {
            _stages.Add(entry with { Attributes = blueprint.Attributes.And(entry.Attributes), Island = islands[entry.Island] });
        }
        foreach (var edge in blueprint.Edges) _edges.Add(new Edge(edge.From.Shift(offset), edge.To.Shift(offset)));
        return offset;
    }

    public void Connect(PortRef from, PortRef to) => _edges.Add(new Edge(from, to));

    public Blueprint Build(PortRef[] inlets, PortRef[] outlets, MatNode mat) =>
        new([.. _stages], [.. _edges], inlets, outlets, mat, Attributes.None, _islands);
}
