namespace Serenity.Hocon;

/// <summary>
/// Applies a field definition over an earlier one while parsing: objects merge recursively, other values
/// replace, and self-references (<c>a = ${a} x</c>, <c>a += x</c>) are bound to the earlier value.
/// </summary>
internal static class HoconMerger
{
    /// <summary>Sets <paramref name="keys"/> (a dotted key) in <paramref name="target"/>, merging with what is there.</summary>
    /// <param name="target">Object receiving the field.</param>
    /// <param name="keys">The key's path relative to <paramref name="target"/>.</param>
    /// <param name="value">The new value.</param>
    /// <param name="targetPath">Absolute path of <paramref name="target"/>, or null inside arrays.</param>
    public static void SetPath(HoconObject target, IReadOnlyList<string> keys, HoconValue value, IReadOnlyList<string>? targetPath)
    {
        var key = keys[0];
        var path = targetPath is null ? null : HoconPath.Append(targetPath, key);
        var newValue = value;
        if (keys.Count > 1)
        {
            var nested = new HoconObject(value.Origin);
            SetPath(nested, [.. keys.Skip(1)], value, path);
            newValue = nested;
        }

        target.Set(key, Merge(target.Get(key), newValue, path));
    }

    /// <summary>The value of a field defined as <paramref name="existing"/> and then as <paramref name="value"/>.</summary>
    public static HoconValue Merge(HoconValue? existing, HoconValue value, IReadOnlyList<string>? path)
    {
        if (existing is null)
        {
            return value;
        }

        if (value is HoconObject newObject)
        {
            if (existing is HoconObject oldObject)
            {
                foreach (var (key, field) in newObject.Fields.ToList())
                {
                    oldObject.Set(key, Merge(oldObject.Get(key), field, path is null ? null : HoconPath.Append(path, key)));
                }

                return oldObject;
            }

            return existing.IsUnresolved ? new HoconMerge(value.Origin, [existing, value]) : value;
        }

        var replaced = false;
        var result = BindSelfReferences(value, path, existing, allowPrevious: true, ref replaced);
        if (replaced)
        {
            return result;
        }

        return value.IsUnresolved ? new HoconMerge(value.Origin, [existing, value]) : value;
    }

    private static HoconValue BindSelfReferences(HoconValue value, IReadOnlyList<string>? path, HoconValue previous, bool allowPrevious, ref bool replaced)
    {
        switch (value)
        {
            case HoconSubstitution substitution:
                if (substitution.IsPrevious)
                {
                    if (!allowPrevious)
                    {
                        return substitution;
                    }

                    replaced = true;
                    return previous;
                }

                if (path is not null && HoconPath.StartsWith(substitution.Path, path))
                {
                    replaced = true;
                    return substitution.Path.Count == path.Count
                        ? previous
                        : new HoconLookup(previous, [.. substitution.Path.Skip(path.Count)], substitution);
                }

                return substitution;
            case HoconConcatenation concatenation:
                BindAll(concatenation.Parts, path, previous, allowPrevious, ref replaced);
                return concatenation;
            case HoconArray array:
                BindAll(array.Items, path, previous, allowPrevious, ref replaced);
                return array;
            case HoconMerge merge:
                BindAll(merge.Layers, path, previous, allowPrevious, ref replaced);
                return merge;
            case HoconObject obj:
                foreach (var (key, field) in obj.Fields.ToList())
                {
                    // '+=' inside a nested object appends to that object's own field, not to this one.
                    obj.Set(key, BindSelfReferences(field, path, previous, allowPrevious: false, ref replaced));
                }

                return obj;
            default:
                return value;
        }
    }

    private static void BindAll(List<HoconValue> values, IReadOnlyList<string>? path, HoconValue previous, bool allowPrevious, ref bool replaced)
    {
        for (var i = 0; i < values.Count; i++)
        {
            values[i] = BindSelfReferences(values[i], path, previous, allowPrevious, ref replaced);
        }
    }
}
