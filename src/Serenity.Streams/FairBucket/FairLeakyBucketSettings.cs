using System.Globalization;
using Serenity.Actors;
using Serenity.Hocon;

namespace Serenity.Streams.FairBucket;

/// <summary>
/// The fair leaky bucket's parameters, from <c>serenity.streams.fair-bucket</c> (see <c>hocon/serenity.conf</c>
/// for what each does). Rates are elements per second; 0 means no limit.
/// </summary>
public sealed record FairLeakyBucketSettings
{
    /// <summary>Config path of the bucket's section.</summary>
    public const string ConfigPath = "serenity.streams.fair-bucket";

    /// <summary>Elements per second each key delivers at most (0: unlimited).</summary>
    public double PerKeyRate { get; init; } = 10;

    /// <summary>Elements per second all keys together deliver at most, shared round-robin (0: unlimited).</summary>
    public double GlobalRate { get; init; } = 1000;

    /// <summary>Elements the global rate lets through at once after a quiet spell.</summary>
    public int GlobalBurst { get; init; } = 10;

    /// <summary>The accept threshold a key starts at and shrinks back to.</summary>
    public int IdleCapacity { get; init; } = 2;

    /// <summary>The highest the threshold grows.</summary>
    public int MaxCapacity { get; init; } = 50;

    /// <summary>While a key's queue is at or under idle capacity, its threshold grows by one per this interval.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Keep only the newest element per key.</summary>
    public bool Conflate { get; init; }

    /// <summary>Reads the settings of <paramref name="system"/> (its config over the defaults).</summary>
    public static FairLeakyBucketSettings Create(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Create(system.Settings.Config);
    }

    /// <summary>Reads the settings at <see cref="ConfigPath"/> in <paramref name="config"/>; a bad value names its key and origin.</summary>
    public static FairLeakyBucketSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var settings = new FairLeakyBucketSettings
        {
            PerKeyRate = config.GetDouble(ConfigPath + ".per-key-rate"),
            GlobalRate = config.GetDouble(ConfigPath + ".global-rate"),
            GlobalBurst = config.GetInt(ConfigPath + ".global-burst"),
            IdleCapacity = config.GetInt(ConfigPath + ".idle-capacity"),
            MaxCapacity = config.GetInt(ConfigPath + ".max-capacity"),
            RefreshInterval = config.GetTimeSpan(ConfigPath + ".refresh-interval"),
            Conflate = config.GetBoolean(ConfigPath + ".conflate"),
        };
        settings.Validate((key, message) => new ConfigException(
            ConfigPath + "." + key,
            $"{ConfigPath}.{key}{(config.OriginOf(ConfigPath + "." + key) is { } origin ? " at " + origin : "")}: {message}"));
        return settings;
    }

    /// <summary>Checks the values; the bucket calls this before it runs.</summary>
    public void Validate() => Validate((key, message) => new ArgumentException($"{key}: {message}"));

    private void Validate(Func<string, string, Exception> error)
    {
        string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
        if (!(PerKeyRate >= 0) || double.IsInfinity(PerKeyRate)) throw error("per-key-rate", $"expected a rate >= 0 (0: unlimited), found {Show(PerKeyRate)}");
        if (!(GlobalRate >= 0) || double.IsInfinity(GlobalRate)) throw error("global-rate", $"expected a rate >= 0 (0: unlimited), found {Show(GlobalRate)}");
        if (GlobalBurst < 1) throw error("global-burst", $"expected a positive integer, found {GlobalBurst}");
        if (IdleCapacity < 1) throw error("idle-capacity", $"expected a positive integer, found {IdleCapacity}");
        if (MaxCapacity < IdleCapacity) throw error("max-capacity", $"expected an integer >= idle-capacity ({IdleCapacity}), found {MaxCapacity}");
        if (RefreshInterval <= TimeSpan.Zero) throw error("refresh-interval", $"expected a positive duration, found {RefreshInterval}");
    }
}
