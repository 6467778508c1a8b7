using Serenity.Streams.Implementation;

namespace Serenity.Streams.Stage;

/// <summary>What the materializer needs of an atomic stage.</summary>
internal interface IAtomicStage
{
    Shape Shape { get; }

    Attributes InitialAttributes { get; }

    GraphStageLogic CreateLogic(Attributes attributes, out object? materializedValue);
}

/// <summary>A new logic and the materialized value handed out for it.</summary>
public readonly record struct LogicAndMaterializedValue<TMat>(GraphStageLogic Logic, TMat MaterializedValue);

/// <summary>
/// An atomic stage that materializes a value (a queue, a task, a kill switch). The stage object is the
/// reusable blueprint; <see cref="CreateLogicAndMaterializedValue"/> makes fresh state per materialization.
/// </summary>
public abstract class GraphStageWithMaterializedValue<TShape, TMat> : IGraph<TShape, TMat>, IAtomicStage where TShape : Shape
{
    private Blueprint? _blueprint;

    /// <summary>The stage's ports.</summary>
    public abstract TShape Shape { get; }

    /// <summary>Attributes the stage starts with (its name, usually).</summary>
    protected virtual Attributes InitialAttributes => Attributes.CreateName(DefaultName(GetType()));

    /// <summary>Creates the running logic and the materialized value for one materialization.</summary>
    public abstract LogicAndMaterializedValue<TMat> CreateLogicAndMaterializedValue(Attributes inheritedAttributes);

    Shape IAtomicStage.Shape => Shape;

    Attributes IAtomicStage.InitialAttributes => InitialAttributes;

    Blueprint IGraph<TShape, TMat>.Blueprint => _blueprint ??= Blueprint.Atomic(this);

    GraphStageLogic IAtomicStage.CreateLogic(Attributes attributes, out object? materializedValue)
    {
        var (logic, value) = CreateLogicAndMaterializedValue(attributes);
        materializedValue = value;
        return logic;
    }

    /// <inheritdoc />
    public IGraph<TShape, TMat> WithAttributes(Attributes attributes) => new GenericGraph<TShape, TMat>(Shape, Blueprint.Atomic(this).WithAttributes(attributes));

    /// <inheritdoc />
    public IGraph<TShape, TMat> AddAttributes(Attributes attributes) => WithAttributes(attributes);

    /// <inheritdoc />
    public IGraph<TShape, TMat> Named(string name) => AddAttributes(Attributes.CreateName(name));

    /// <inheritdoc />
    public IGraph<TShape, TMat> Async() => AddAttributes(Attributes.CreateAsyncBoundary());

    /// <inheritdoc />
    public override string ToString() => InitialAttributes.GetNameOrDefault(GetType().Name);

    private static string DefaultName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }
}

/// <summary>An atomic stage without a materialized value (most operators).</summary>
public abstract class GraphStage<TShape> : GraphStageWithMaterializedValue<TShape, NotUsed> where TShape : Shape
{
    /// <summary>Creates the running logic for one materialization.</summary>
    protected abstract GraphStageLogic CreateLogic(Attributes inheritedAttributes);

    /// <inheritdoc />
    public sealed override LogicAndMaterializedValue<NotUsed> CreateLogicAndMaterializedValue(Attributes inheritedAttributes) =>
        new(CreateLogic(inheritedAttributes), NotUsed.Instance);
}
