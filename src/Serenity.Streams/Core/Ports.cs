using Serenity.Streams.Implementation.Fusing;

namespace Serenity.Streams;

/// <summary>An input port of a stage. Its index within the owning stage's shape is assigned when the stage's logic is created.</summary>
public abstract class Inlet
{
    private protected Inlet(string name) => Name = name;

    /// <summary>The port's name, for messages.</summary>
    public string Name { get; }

    /// <summary>Index of this port among its stage's inlets.</summary>
    internal int Id { get; set; } = -1;

    /// <summary>A fresh port of the same type and name (the graph DSL copies shapes so ports stay unique).</summary>
    public abstract Inlet CarbonCopy();

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>An output port of a stage.</summary>
public abstract class Outlet
{
    private protected Outlet(string name) => Name = name;

    /// <summary>The port's name, for messages.</summary>
    public string Name { get; }

    /// <summary>Index of this port among its stage's outlets.</summary>
    internal int Id { get; set; } = -1;

    /// <summary>A fresh port of the same type and name.</summary>
    public abstract Outlet CarbonCopy();

    /// <summary>A connection whose element slot has this port's type (no boxing on the way through).</summary>
    internal abstract Connection CreateConnection();

    /// <summary>The two stages that carry this port's elements across an async boundary.</summary>
    internal abstract (Stage.IAtomicStage Upstream, Stage.IAtomicStage Downstream) CreateBoundary(int bufferSize);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>An input port carrying elements of type <typeparamref name="T"/>.</summary>
public sealed class Inlet<T>(string name) : Inlet(name)
{
    /// <inheritdoc />
    public override Inlet CarbonCopy() => new Inlet<T>(Name);
}

/// <summary>An output port carrying elements of type <typeparamref name="T"/>.</summary>
public sealed class Outlet<T>(string name) : Outlet(name)
{
    /// <inheritdoc />
    public override Outlet CarbonCopy() => new Outlet<T>(Name);

    internal override Connection CreateConnection() => new Connection<T>();

    internal override (Stage.IAtomicStage, Stage.IAtomicStage) CreateBoundary(int bufferSize)
    {
        var channel = new Stages.BoundaryChannel<T>(bufferSize);
        return (new Stages.BoundaryOutput<T>(channel), new Stages.BoundaryInput<T>(channel));
    }
}
