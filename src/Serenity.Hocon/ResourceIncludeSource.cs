using System.Reflection;

namespace Serenity.Hocon;

/// <summary>Resolves includes as embedded resources of an assembly; <c>file(...)</c> reads files relative to the current directory.</summary>
internal sealed class ResourceIncludeSource : HoconIncludeSource
{
    private readonly Assembly _assembly;

    public ResourceIncludeSource(Assembly assembly)
    {
        _assembly = assembly;
    }

    public override HoconIncludeResult? Open(HoconIncludeKind kind, string name)
    {
        if (kind == HoconIncludeKind.File)
        {
            return new FileIncludeSource(string.Empty).Open(kind, name);
        }

        var resource = Find(name);
        if (resource is null)
        {
            return null;
        }

        return new HoconIncludeResult(Read(_assembly, resource), resource, _assembly.FullName + "/" + resource, this);
    }

    public override string DescribeMissing(HoconIncludeKind kind, string name) => kind == HoconIncludeKind.File
        ? new FileIncludeSource(string.Empty).DescribeMissing(kind, name)
        : $"no embedded resource named '{name}' in {_assembly.GetName().Name}";

    /// <summary>Reads a resource as text, or returns null when it does not exist.</summary>
    public static string? TryRead(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Read(Assembly assembly, string resourceName) => TryRead(assembly, resourceName) ?? string.Empty;

    private string? Find(string name)
    {
        var names = _assembly.GetManifestResourceNames();
        var dotted = name.Replace('/', '.').Replace('\\', '.');
        string[] wanted = Path.HasExtension(name) ? [name, dotted] : [name, dotted, name + ".conf", dotted + ".conf"];
        foreach (var candidate in wanted)
        {
            var exact = names.FirstOrDefault(n => string.Equals(n, candidate, StringComparison.Ordinal));
            if (exact is not null)
            {
                return exact;
            }

            var suffix = names.FirstOrDefault(n => n.EndsWith("." + candidate, StringComparison.Ordinal));
            if (suffix is not null)
            {
                return suffix;
            }
        }

        return null;
    }
}
