using Microsoft.Extensions.Configuration;

namespace Serenity.Hocon;

/// <summary>
/// A <see cref="IConfigurationSource"/> reading HOCON from a file (<see cref="Path"/>) or an already parsed
/// <see cref="Config"/>. Keys map dotted paths to ':'-separated keys (<c>a.b</c> → <c>a:b</c>, arrays → <c>a:0</c>).
/// </summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <summary>Path of the HOCON file; relative paths use the builder's "BasePath" property when set.</summary>
    public string? Path { get; set; }

    /// <summary>An already parsed configuration, used instead of <see cref="Path"/> when set.</summary>
    public Config? Config { get; set; }

    /// <summary>When true, a missing file yields no keys instead of an error.</summary>
    public bool Optional { get; set; }

    /// <inheritdoc/>
    public IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Config is null && string.IsNullOrEmpty(Path))
        {
            throw new InvalidOperationException("HoconConfigurationSource needs a Path or a Config.");
        }

        var path = Path;
        if (path is not null && !System.IO.Path.IsPathRooted(path)
            && builder.Properties.TryGetValue("BasePath", out var basePath) && basePath is string folder)
        {
            path = System.IO.Path.Combine(folder, path);
        }

        return new HoconConfigurationProvider(Config, path, Optional);
    }
}
