using Serenity.Hocon;

namespace Serenity.TestKit;

/// <summary>The TestKit's timeouts, from <c>serenity.test</c>, all multiplied by <c>timefactor</c>.</summary>
public sealed class TestKitSettings
{
    /// <summary>Reads the settings.</summary>
    public TestKitSettings(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        TimeFactor = config.GetDouble("serenity.test.timefactor");
        if (!(TimeFactor > 0) || double.IsInfinity(TimeFactor))
        {
            throw new ConfigException("serenity.test.timefactor", $"serenity.test.timefactor must be a positive number, not {TimeFactor}");
        }
        SingleExpectDefault = Dilated(config.GetTimeSpan("serenity.test.single-expect-default"));
        ExpectNoMessageDefault = Dilated(config.GetTimeSpan("serenity.test.expect-no-message-default"));
        FilterLeeway = Dilated(config.GetTimeSpan("serenity.test.filter-leeway"));
    }

    /// <summary>The dilation factor.</summary>
    public double TimeFactor { get; }

    /// <summary>Default timeout of ExpectMsg and friends.</summary>
    public TimeSpan SingleExpectDefault { get; }

    /// <summary>Default duration of ExpectNoMsg.</summary>
    public TimeSpan ExpectNoMessageDefault { get; }

    /// <summary>How long EventFilter waits.</summary>
    public TimeSpan FilterLeeway { get; }

    /// <summary>Scales a duration by the time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) => duration == Timeout.InfiniteTimeSpan ? duration : duration * TimeFactor;
}
