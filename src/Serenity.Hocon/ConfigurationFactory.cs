using System.Reflection;

namespace Serenity.Hocon;

/// <summary>Entry points for parsing HOCON text into a resolved <see cref="Config"/>.</summary>
public static class ConfigurationFactory
{
    private const string StringOrigin = "<string>";

    /// <summary>An empty configuration.</summary>
    public static Config Empty { get; } = new(new HoconObject(HoconOrigin.None));

    /// <summary>
    /// Parses and resolves HOCON text. <paramref name="origin"/> names the source in errors (default "&lt;string&gt;");
    /// relative includes are read from the current directory.
    /// </summary>
    /// <exception cref="HoconParseException">The text is not valid HOCON or a substitution cannot be resolved.</exception>
    public static Config ParseString(string hocon, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        return Parse(hocon, origin ?? StringOrigin, new FileIncludeSource(string.Empty), identity: null);
    }

    /// <summary>Parses and resolves a HOCON file; includes resolve relative to the file's folder. The origin is <paramref name="path"/> as given.</summary>
    /// <exception cref="HoconException">The file does not exist (the inner exception is a <see cref="FileNotFoundException"/>).</exception>
    /// <exception cref="HoconParseException">The file is not valid HOCON or a substitution cannot be resolved.</exception>
    public static Config ParseFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new HoconException($"{path}: HOCON file not found (looked for '{Path.GetFullPath(path)}')", new FileNotFoundException("HOCON file not found", path));
        }

        return Parse(File.ReadAllText(path), path, FileIncludeSource.ForFile(path), Path.GetFullPath(path));
    }

    /// <summary>
    /// Parses and resolves an embedded resource; the origin is <paramref name="resourceName"/>. Includes name
    /// other resources of the same assembly (exactly or by the end of their name); <c>file(...)</c> reads files.
    /// </summary>
    /// <exception cref="HoconException">The resource does not exist.</exception>
    public static Config FromEmbeddedResource(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourceName);
        var text = ResourceIncludeSource.TryRead(assembly, resourceName)
            ?? throw new HoconException($"{resourceName}: embedded resource not found in {assembly.GetName().Name} (resources: {string.Join(", ", assembly.GetManifestResourceNames())})");
        return Parse(text, resourceName, new ResourceIncludeSource(assembly), assembly.FullName + "/" + resourceName);
    }

    private static Config Parse(string text, string origin, HoconIncludeSource includes, string? identity)
    {
        var tree = HoconParser.Parse(text, origin, includes, identity);
        return new Config(HoconResolver.Resolve(tree));
    }
}
