namespace Serenity.Hocon;

/// <summary>
/// An immutable, resolved HOCON configuration tree with typed accessors. Paths are HOCON path expressions
/// (<c>a.b."c.d"</c>). Required getters throw <see cref="ConfigException"/> when the value is missing or null,
/// or has the wrong type; getters with a default return it only when the value is missing or null.
/// </summary>
public sealed class Config
{
    private const string MissingValue = "missing required configuration value";

    private readonly HoconObject _root;
    private readonly string _prefix;

    internal Config(HoconObject root, string prefix = "")
    {
        _root = root;
        _prefix = prefix;
    }

    /// <summary>True when the configuration has no keys.</summary>
    public bool IsEmpty => _root.Count == 0;

    /// <summary>Direct child keys of the root object, in definition order.</summary>
    public IReadOnlyCollection<string> Keys => _root.Keys;

    internal HoconObject Root => _root;

    /// <summary>True when a non-null value exists at <paramref name="path"/>.</summary>
    public bool HasPath(string path) => Find(path) is { } value && !IsNull(value);

    /// <summary>Reads a required string (numbers and booleans as written).</summary>
    public string GetString(string path) => Get(path, "a string", (HoconValue v, out string r) => HoconConverter.TryText(v, out r));

    /// <summary>Reads an optional string (numbers and booleans as written).</summary>
    public string GetString(string path, string @default) => Get(path, @default, "a string", (HoconValue v, out string r) => HoconConverter.TryText(v, out r));

    /// <summary>Reads a required 32-bit integer.</summary>
    public int GetInt(string path) => Get<int>(path, "an integer", HoconConverter.TryInt);

    /// <summary>Reads an optional 32-bit integer.</summary>
    public int GetInt(string path, int @default) => Get(path, @default, "an integer", HoconConverter.TryInt);

    /// <summary>Reads a required 64-bit integer.</summary>
    public long GetLong(string path) => Get<long>(path, "a 64-bit integer", HoconConverter.TryLong);

    /// <summary>Reads an optional 64-bit integer.</summary>
    public long GetLong(string path, long @default) => Get(path, @default, "a 64-bit integer", HoconConverter.TryLong);

    /// <summary>Reads a required double.</summary>
    public double GetDouble(string path) => Get<double>(path, "a number", HoconConverter.TryDouble);

    /// <summary>Reads an optional double.</summary>
    public double GetDouble(string path, double @default) => Get(path, @default, "a number", HoconConverter.TryDouble);

    /// <summary>Reads a required decimal, parsed exactly from the text as written (invariant culture).</summary>
    public decimal GetDecimal(string path) => Get<decimal>(path, "a decimal number", HoconConverter.TryDecimal);

    /// <summary>Reads an optional decimal, parsed exactly from the text as written (invariant culture).</summary>
    public decimal GetDecimal(string path, decimal @default) => Get(path, @default, "a decimal number", HoconConverter.TryDecimal);

    /// <summary>Reads a required boolean: true/false, on/off or yes/no.</summary>
    public bool GetBoolean(string path) => Get<bool>(path, BooleanExpected, HoconConverter.TryBoolean);

    /// <summary>Reads an optional boolean: true/false, on/off or yes/no.</summary>
    public bool GetBoolean(string path, bool @default) => Get(path, @default, BooleanExpected, HoconConverter.TryBoolean);

    /// <summary>Reads a required duration ("500ms", "1.5s", "2 minutes"; a bare number is milliseconds; "infinite" is <see cref="Timeout.InfiniteTimeSpan"/>).</summary>
    public TimeSpan GetTimeSpan(string path) => Get<TimeSpan>(path, DurationExpected, HoconConverter.TryTimeSpan);

    /// <summary>Reads an optional duration (see <see cref="GetTimeSpan(string)"/>).</summary>
    public TimeSpan GetTimeSpan(string path, TimeSpan @default) => Get(path, @default, DurationExpected, HoconConverter.TryTimeSpan);

    /// <summary>Reads a required size in bytes ("512", "10K" = 10240, "10kB" = 10000, "5MiB").</summary>
    public long GetByteSize(string path) => Get<long>(path, SizeExpected, HoconConverter.TryByteSize);

    /// <summary>Reads an optional size in bytes (see <see cref="GetByteSize(string)"/>).</summary>
    public long GetByteSize(string path, long @default) => Get(path, @default, SizeExpected, HoconConverter.TryByteSize);

    /// <summary>Reads a required list of strings (numbers and booleans as written).</summary>
    public IReadOnlyList<string> GetStringList(string path) => GetList(path, "a list of strings", "a string", (HoconValue v, out string r) => HoconConverter.TryText(v, out r));

    /// <summary>Reads an optional list of strings.</summary>
    public IReadOnlyList<string> GetStringList(string path, IReadOnlyList<string> @default) => HasPath(path) ? GetStringList(path) : @default;

    /// <summary>Reads a required list of 32-bit integers.</summary>
    public IReadOnlyList<int> GetIntList(string path) => GetList<int>(path, "a list of integers", "an integer", HoconConverter.TryInt);

    /// <summary>Returns the object at <paramref name="path"/> as a config, or an empty config when it is missing.</summary>
    /// <exception cref="ConfigException">The value exists but is not an object.</exception>
    public Config GetConfig(string path)
    {
        var value = Find(path);
        if (value is null || IsNull(value))
        {
            return new Config(new HoconObject(HoconOrigin.None), FullPath(path));
        }

        return value is HoconObject obj ? new Config(obj, FullPath(path)) : throw WrongType(path, value, "an object");
    }

    /// <summary>Merges this config over <paramref name="fallback"/>: this config's values win, objects merge recursively.</summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new Config(MergeResolved(_root, fallback._root), _prefix);
    }

    /// <summary>Leaf values keyed by full dotted path (keys quoted when needed); array elements as path.0, path.1, ...; null values as null.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Flatten() =>
        FlattenSegments().Select(leaf => new KeyValuePair<string, string?>(HoconPath.Render(leaf.Path), leaf.Value));

    /// <summary>HOCON text of the resolved tree.</summary>
    public string Render() => HoconRenderer.Render(_root);

    /// <summary>"origin:line" where the value at <paramref name="path"/> was defined, or null when there is none.</summary>
    public string? OriginOf(string path) => Find(path) is { Origin.Line: > 0 } value ? value.Origin.ToString() : null;

    /// <inheritdoc/>
    public override string ToString() => Render();

    /// <summary>Leaves as key lists, for the IConfiguration adapter.</summary>
    internal List<(IReadOnlyList<string> Path, string? Value)> FlattenSegments()
    {
        var leaves = new List<(IReadOnlyList<string>, string?)>();
        Walk(_root, [], leaves);
        return leaves;
    }

    private const string BooleanExpected = "a boolean (true/false, on/off, yes/no)";
    private const string DurationExpected = "a duration (e.g. 500ms, 1.5s, 2m, infinite)";
    private const string SizeExpected = "a size in bytes (e.g. 512, 10K, 10kB, 5MiB)";

    private delegate bool Converter<T>(HoconValue value, out T result);

    private T Get<T>(string path, string expected, Converter<T> convert)
    {
        var value = Find(path);
        if (value is null || IsNull(value))
        {
            throw new ConfigException(FullPath(path), $"{FullPath(path)}: {MissingValue}");
        }

        return convert(value, out var result) ? result : throw WrongType(path, value, expected);
    }

    private T Get<T>(string path, T @default, string expected, Converter<T> convert)
    {
        var value = Find(path);
        if (value is null || IsNull(value))
        {
            return @default;
        }

        return convert(value, out var result) ? result : throw WrongType(path, value, expected);
    }

    private List<T> GetList<T>(string path, string listExpected, string expected, Converter<T> convert)
    {
        var value = Find(path);
        if (value is null || IsNull(value))
        {
            throw new ConfigException(FullPath(path), $"{FullPath(path)}: {MissingValue}");
        }

        if (value is not HoconArray array)
        {
            throw WrongType(path, value, listExpected);
        }

        var result = new List<T>(array.Items.Count);
        for (var i = 0; i < array.Items.Count; i++)
        {
            if (!convert(array.Items[i], out var item))
            {
                throw WrongType($"{path}.{i}", array.Items[i], expected);
            }

            result.Add(item);
        }

        return result;
    }

    private HoconValue? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!HoconPath.TryParse(path, out var keys, out var problem))
        {
            throw new ConfigException(FullPath(path), $"{FullPath(path)}: not a valid path ({problem})");
        }

        HoconValue current = _root;
        foreach (var key in keys)
        {
            if (current is not HoconObject obj || !obj.TryGet(key, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private ConfigException WrongType(string path, HoconValue value, string expected)
    {
        var full = FullPath(path);
        var found = value is HoconScalar { Kind: not HoconScalarKind.Null } scalar ? $"'{scalar.Text}'" : value.Describe();
        return new ConfigException(full, $"{full} at {value.Origin}: expected {expected}, found {found}");
    }

    private string FullPath(string path) => _prefix.Length == 0 ? path : _prefix + "." + path;

    private static bool IsNull(HoconValue value) => value is HoconScalar { Kind: HoconScalarKind.Null };

    private static HoconObject MergeResolved(HoconObject preferred, HoconObject fallback)
    {
        var result = new HoconObject(preferred.Origin);
        foreach (var (key, value) in preferred.Fields)
        {
            result.Set(key, value is HoconObject mine && fallback.Get(key) is HoconObject theirs ? MergeResolved(mine, theirs) : value);
        }

        foreach (var (key, value) in fallback.Fields)
        {
            if (preferred.Get(key) is null)
            {
                result.Set(key, value);
            }
        }

        return result;
    }

    private static void Walk(HoconValue value, List<string> path, List<(IReadOnlyList<string>, string?)> leaves)
    {
        switch (value)
        {
            case HoconObject obj:
                foreach (var (key, field) in obj.Fields)
                {
                    path.Add(key);
                    Walk(field, path, leaves);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case HoconArray array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    path.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Walk(array.Items[i], path, leaves);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case HoconScalar scalar:
                leaves.Add(([.. path], scalar.Kind == HoconScalarKind.Null ? null : scalar.Text));
                break;
        }
    }
}
