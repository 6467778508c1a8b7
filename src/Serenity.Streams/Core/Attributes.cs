namespace Serenity.Streams;

/// <summary>Marks a class as a stream attribute.</summary>
public interface IAttribute;

/// <summary>
/// Settings attached to a graph or stage (name, input buffer, async boundary, supervision). They are
/// inherited by everything inside the graph they are put on; the innermost (most specific) one wins.
/// </summary>
public sealed class Attributes
{
    /// <summary>No attributes.</summary>
    public static readonly Attributes None = new();

    private readonly IAttribute[] _list;

    /// <summary>Creates attributes from a list, least specific first.</summary>
    public Attributes(params IAttribute[] attributes) => _list = [.. attributes ?? throw new ArgumentNullException(nameof(attributes))];

    /// <summary>All attributes, least specific first.</summary>
    public IReadOnlyList<IAttribute> AttributeList => _list;

    /// <summary>These followed by <paramref name="other"/> (whose attributes are more specific).</summary>
    public Attributes And(Attributes other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._list.Length == 0) return this;
        if (_list.Length == 0) return other;
        return new Attributes([.. _list, .. other._list]);
    }

    /// <summary>These followed by <paramref name="attribute"/>.</summary>
    public Attributes And(IAttribute attribute) => new([.. _list, attribute ?? throw new ArgumentNullException(nameof(attribute))]);

    /// <summary>The most specific attribute of type <typeparamref name="T"/>, or null.</summary>
    public T? GetAttribute<T>() where T : class, IAttribute
    {
        for (var i = _list.Length - 1; i >= 0; i--)
        {
            if (_list[i] is T found) return found;
        }
        return null;
    }

    /// <summary>The most specific attribute of type <typeparamref name="T"/>, or <paramref name="default"/>.</summary>
    public T GetAttribute<T>(T @default) where T : class, IAttribute => GetAttribute<T>() ?? @default;

    /// <summary>Whether an attribute of type <typeparamref name="T"/> is present.</summary>
    public bool Contains<T>() where T : class, IAttribute => GetAttribute<T>() is not null;

    /// <summary>The most specific name, or <paramref name="default"/>.</summary>
    public string GetNameOrDefault(string @default = "unnamed") => GetAttribute<Name>()?.Value ?? @default;

    /// <summary>A name for the stage or graph (shows in errors and logs).</summary>
    public static Attributes CreateName(string name) => new(new Name(name));

    /// <summary>Size of the buffer that async boundaries put in front of a stage.</summary>
    public static Attributes CreateInputBuffer(int initial, int max) => new(new InputBuffer(initial, max));

    /// <summary>Runs the graph it is put on in its own interpreter (a thread of its own while busy).</summary>
    public static Attributes CreateAsyncBoundary() => new(AsyncBoundary.Instance);

    /// <inheritdoc />
    public override string ToString() => $"Attributes({string.Join(", ", _list.Select(a => a.ToString()))})";

    /// <summary>A stage or graph name.</summary>
    public sealed record Name(string Value) : IAttribute;

    /// <summary>The input buffer at an async boundary (elements requested ahead).</summary>
    public sealed record InputBuffer(int Initial, int Max) : IAttribute;

    /// <summary>An async boundary: the graph runs in an interpreter of its own.</summary>
    public sealed class AsyncBoundary : IAttribute
    {
        /// <summary>The one instance.</summary>
        public static readonly AsyncBoundary Instance = new();

        private AsyncBoundary()
        {
        }

        /// <inheritdoc />
        public override string ToString() => "AsyncBoundary";
    }
}
