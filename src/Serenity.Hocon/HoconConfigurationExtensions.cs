using Microsoft.Extensions.Configuration;

namespace Serenity.Hocon;

/// <summary>Registers HOCON sources on an <see cref="IConfigurationBuilder"/>.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file; <c>serenity.actor.provider</c> becomes the key <c>serenity:actor:provider</c>.</summary>
    /// <param name="builder">The builder to add to.</param>
    /// <param name="path">Path of the file (relative paths use the builder's "BasePath" property when set).</param>
    /// <param name="optional">When true, a missing file adds no keys instead of failing.</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.Add(new HoconConfigurationSource { Path = path, Optional = optional });
    }

    /// <summary>Adds an already parsed <see cref="Config"/>.</summary>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, Config config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(config);
        return builder.Add(new HoconConfigurationSource { Config = config });
    }
}
