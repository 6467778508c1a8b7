namespace Serenity.Hocon;

/// <summary>
/// Resolves substitutions, concatenations and delayed merges of a parsed document against its own root
/// (and environment variables), producing a tree of objects, arrays and scalars only.
/// </summary>
internal sealed class HoconResolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<HoconValue, HoconValue> _shallow = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<HoconValue, HoconValue> _deep = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _deepInProgress = new(ReferenceEqualityComparer.Instance);
    private readonly List<HoconSubstitution> _chain = [];

    private HoconResolver(HoconObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    /// <summary>Resolves <paramref name="root"/>; fields whose optional substitution found nothing are dropped.</summary>
    public static HoconObject Resolve(HoconObject root, Func<string, string?>? environment = null)
    {
        var resolver = new HoconResolver(root, environment ?? Environment.GetEnvironmentVariable);
        return (HoconObject)resolver.Deep(root, null);
    }

    /// <summary>Fully resolves a value: every field and element too.</summary>
    private HoconValue Deep(HoconValue value, HoconSubstitution? via)
    {
        var shallow = Shallow(value);
        if (shallow is not (HoconObject or HoconArray))
        {
            return shallow;
        }

        if (_deep.TryGetValue(shallow, out var done))
        {
            return done;
        }

        if (!_deepInProgress.Add(shallow))
        {
            var at = via?.Origin ?? shallow.Origin;
            throw new HoconParseException(at.Source, at.Line, at.Column, "a substitution that does not refer to a value containing itself", $"a cycle through {via?.Text ?? "this value"}");
        }

        HoconValue result;
        if (shallow is HoconObject obj)
        {
            var resolved = new HoconObject(obj.Origin);
            foreach (var (key, field) in obj.Fields)
            {
                var fieldValue = Deep(field, field as HoconSubstitution ?? via);
                if (fieldValue is not HoconUndefined)
                {
                    resolved.Set(key, fieldValue);
                }
            }

            result = resolved;
        }
        else
        {
            var array = (HoconArray)shallow;
            var items = array.Items.Select(item => Deep(item, item as HoconSubstitution ?? via)).Where(item => item is not HoconUndefined);
            result = new HoconArray(array.Origin, items);
        }

        _deepInProgress.Remove(shallow);
        _deep[shallow] = result;
        return result;
    }

    /// <summary>Resolves a value to an object, array, scalar or undefined; fields and elements stay as they are.</summary>
    private HoconValue Shallow(HoconValue value)
    {
        if (!value.IsUnresolved)
        {
            return value;
        }

        if (_shallow.TryGetValue(value, out var cached))
        {
            return cached;
        }

        if (!_inProgress.Add(value))
        {
            throw CycleError(value);
        }

        try
        {
            var result = value switch
            {
                HoconSubstitution substitution => ResolveSubstitution(substitution),
                HoconConcatenation concatenation => ResolveConcatenation(concatenation),
                HoconMerge merge => ResolveMerge(merge),
                HoconLookup lookup => ResolveLookup(lookup),
                _ => value,
            };
            _shallow[value] = result;
            return result;
        }
        finally
        {
            _inProgress.Remove(value);
        }
    }

    private HoconValue ResolveSubstitution(HoconSubstitution substitution)
    {
        if (substitution.IsPrevious)
        {
            return HoconUndefined.Instance;
        }

        _chain.Add(substitution);
        try
        {
            var selfReference = substitution.DefinedAt is not null && HoconPath.StartsWith(substitution.Path, substitution.DefinedAt);
            if (!selfReference)
            {
                var found = Find(_root, substitution.Path)
                    ?? (substitution.FallbackPath is null ? null : Find(_root, substitution.FallbackPath));
                if (found is not null)
                {
                    return found;
                }
            }

            return FromEnvironment(substitution, selfReference
                ? "no earlier value for this self-reference and no environment variable of that name"
                : "no such path or environment variable");
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    private HoconValue ResolveLookup(HoconLookup lookup)
    {
        _chain.Add(lookup.Substitution);
        try
        {
            return Find(lookup.Target, lookup.Rest) ?? FromEnvironment(lookup.Substitution, "no such path in the earlier value or environment variable");
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    private HoconValue FromEnvironment(HoconSubstitution substitution, string problem)
    {
        var variable = _environment(substitution.EnvironmentName);
        if (variable is not null)
        {
            return HoconScalar.String(variable, substitution.Origin);
        }

        if (substitution.Optional)
        {
            return HoconUndefined.Instance;
        }

        var at = substitution.Origin;
        throw new HoconParseException(at.Source, at.Line, at.Column, $"a value for substitution {substitution.Text}", problem);
    }

    /// <summary>Walks <paramref name="path"/> from <paramref name="start"/>, resolving only what lies on the way.</summary>
    private HoconValue? Find(HoconValue start, IReadOnlyList<string> path)
    {
        var current = start;
        foreach (var key in path)
        {
            if (Shallow(current) is not HoconObject obj || !obj.TryGet(key, out var next))
            {
                return null;
            }

            current = next;
        }

        var result = Shallow(current);
        return result is HoconUndefined ? null : result;
    }

    private HoconValue ResolveConcatenation(HoconConcatenation concatenation)
    {
        var items = new List<(HoconValue Value, HoconValue Source)>();
        foreach (var part in concatenation.Parts)
        {
            var value = part is HoconScalar { IsWhitespace: true } ? part : Shallow(part);
            if (value is HoconUndefined)
            {
                continue;
            }

            var isWhitespace = value is HoconScalar { IsWhitespace: true };
            if (isWhitespace && (items.Count == 0 || items[^1].Value is HoconScalar { IsWhitespace: true }))
            {
                continue;
            }

            items.Add((value, part));
        }

        while (items.Count > 0 && items[^1].Value is HoconScalar { IsWhitespace: true })
        {
            items.RemoveAt(items.Count - 1);
        }

        if (items.Count == 0)
        {
            return HoconUndefined.Instance;
        }

        if (items.Count == 1)
        {
            return items[0].Value;
        }

        var values = items.Where(i => i.Value is not HoconScalar { IsWhitespace: true }).ToList();
        var first = values[0].Value;
        foreach (var (value, source) in values)
        {
            if (value.GetType() != first.GetType())
            {
                var at = source.Origin;
                throw new HoconParseException(at.Source, at.Line, at.Column, $"{KindName(first)} to concatenate with {KindName(first)}", value is HoconScalar ? $"a string {value.Describe()}" : KindName(value));
            }
        }

        switch (first)
        {
            case HoconObject:
                return values.Skip(1).Aggregate((HoconObject)first, (merged, next) => MergeObjects(merged, (HoconObject)next.Value));
            case HoconArray:
                return new HoconArray(first.Origin, values.SelectMany(v => ((HoconArray)v.Value).Items));
            default:
                var text = string.Concat(items.Select(i => ((HoconScalar)i.Value).Text));
                return HoconScalar.String(text, concatenation.Origin);
        }
    }

    private HoconValue ResolveMerge(HoconMerge merge)
    {
        var objects = new List<HoconObject>();
        for (var i = merge.Layers.Count - 1; i >= 0; i--)
        {
            var layer = Shallow(merge.Layers[i]);
            if (layer is HoconUndefined)
            {
                continue;
            }

            if (layer is not HoconObject obj)
            {
                // A non-object hides everything defined before it.
                return objects.Count == 0 ? layer : Fold(objects);
            }

            objects.Add(obj);
        }

        return objects.Count == 0 ? HoconUndefined.Instance : Fold(objects);
    }

    /// <summary>Merges objects given newest first.</summary>
    private static HoconObject Fold(List<HoconObject> newestFirst)
    {
        var result = newestFirst[^1];
        for (var i = newestFirst.Count - 2; i >= 0; i--)
        {
            result = MergeObjects(result, newestFirst[i]);
        }

        return result;
    }

    /// <summary>A new object with the fields of <paramref name="older"/> overlaid by <paramref name="newer"/>.</summary>
    private static HoconObject MergeObjects(HoconObject older, HoconObject newer)
    {
        var result = new HoconObject(newer.Origin);
        foreach (var (key, value) in older.Fields)
        {
            result.Set(key, value);
        }

        foreach (var (key, value) in newer.Fields)
        {
            var existing = result.Get(key);
            result.Set(key, existing is null || value is HoconScalar or HoconArray ? value : new HoconMerge(value.Origin, [existing, value]));
        }

        return result;
    }

    private static string KindName(HoconValue value) => value switch
    {
        HoconObject => "an object",
        HoconArray => "an array",
        _ => "a string",
    };

    private HoconParseException CycleError(HoconValue value)
    {
        var start = value is HoconSubstitution s ? _chain.IndexOf(s) : -1;
        var cycle = start >= 0 ? _chain.Skip(start).ToList() : [.. _chain];
        var at = cycle.Count > 0 ? cycle[0].Origin : value.Origin;
        var description = string.Join(" -> ", cycle.Select(c => c.Text).Append(cycle.Count > 0 ? cycle[0].Text : value.Describe()));
        return new HoconParseException(at.Source, at.Line, at.Column, "substitutions without a cycle", "the cycle " + description);
    }
}
