using System.Globalization;
using Serenity.Actors;
using Serenity.Hocon;

namespace Serenity.Streams;

/// <summary>The materializer's settings, from <c>serenity.streams.materializer</c>.</summary>
public sealed record ActorMaterializerSettings
{
    /// <summary>Config path of the materializer's section.</summary>
    public const string ConfigPath = "serenity.streams.materializer";

    /// <summary>Events an interpreter processes in one turn before it yields its thread.</summary>
    public int SyncProcessingLimit { get; init; } = 1000;

    /// <summary>Elements an async boundary requests ahead (its buffer).</summary>
    public int MaxInputBufferSize { get; init; } = 16;

    /// <summary>Reads the settings of <paramref name="system"/>.</summary>
    public static ActorMaterializerSettings Create(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Create(system.Settings.Config);
    }

    /// <summary>Reads the settings from <paramref name="config"/> (with the defaults of <c>serenity.conf</c> as fallback).</summary>
    public static ActorMaterializerSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ActorMaterializerSettings
        {
            SyncProcessingLimit = Positive(config, "sync-processing-limit"),
            MaxInputBufferSize = Positive(config, "max-input-buffer-size"),
        };
    }

    private static int Positive(Config config, string key)
    {
        var path = ConfigPath + "." + key;
        var value = config.GetInt(path);
        if (value < 1)
        {
            throw new ConfigException(path, string.Create(CultureInfo.InvariantCulture,
                $"{path}{(config.OriginOf(path) is { } origin ? " at " + origin : "")}: expected a positive integer, found {value}"));
        }
        return value;
    }
}
