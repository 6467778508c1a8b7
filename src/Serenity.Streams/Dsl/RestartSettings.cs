using System.Globalization;

namespace Serenity.Streams.Dsl;

/// <summary>
/// Exponential backoff for the restart wrappers: the n-th restart in a row waits
/// <c>min(MaxBackoff, MinBackoff * 2^n)</c> plus up to <c>RandomFactor</c> of that at random. A run that
/// lasted at least <see cref="MaxRestartsWithin"/> resets the count; more than <see cref="MaxRestarts"/>
/// restarts in a row (negative: unlimited) ends the stream with the inner stream's last outcome.
/// </summary>
public sealed record RestartSettings
{
    private RestartSettings(TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxRestarts, TimeSpan maxRestartsWithin)
    {
        if (minBackoff <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(minBackoff), minBackoff, "minBackoff must be positive");
        if (maxBackoff < minBackoff) throw new ArgumentOutOfRangeException(nameof(maxBackoff), maxBackoff, "maxBackoff must be at least minBackoff");
        if (randomFactor is < 0 or > 1 || double.IsNaN(randomFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(randomFactor), randomFactor.ToString(CultureInfo.InvariantCulture), "randomFactor must be between 0 and 1");
        }
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        MaxRestarts = maxRestarts;
        MaxRestartsWithin = maxRestartsWithin;
    }

    /// <summary>The first backoff.</summary>
    public TimeSpan MinBackoff { get; }

    /// <summary>The largest backoff.</summary>
    public TimeSpan MaxBackoff { get; }

    /// <summary>Random extra delay, as a fraction of the computed backoff (0 to 1).</summary>
    public double RandomFactor { get; }

    /// <summary>Restarts allowed in a row; negative: unlimited.</summary>
    public int MaxRestarts { get; }

    /// <summary>A run at least this long resets the restart count and the backoff.</summary>
    public TimeSpan MaxRestartsWithin { get; }

    /// <summary>Settings with unlimited restarts; a run as long as <paramref name="minBackoff"/> resets the backoff.</summary>
    public static RestartSettings Create(TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(minBackoff, maxBackoff, randomFactor, -1, minBackoff);

    /// <summary>A copy that gives up after <paramref name="count"/> restarts in a row (a run of <paramref name="within"/> resets the count).</summary>
    public RestartSettings WithMaxRestarts(int count, TimeSpan within) => new(MinBackoff, MaxBackoff, RandomFactor, count, within);

    /// <summary>The delay before restart number <paramref name="restartCount"/> (0-based).</summary>
    internal TimeSpan Backoff(int restartCount, double random)
    {
        var exponential = MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(restartCount, 30));
        var capped = Math.Min(MaxBackoff.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped * (1 + random * RandomFactor));
    }
}
