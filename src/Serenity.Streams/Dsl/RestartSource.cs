using Serenity.Streams.Stages;

namespace Serenity.Streams.Dsl;

/// <summary>Sources that restart the source they wrap, with exponential backoff.</summary>
public static class RestartSource
{
    /// <summary>
    /// Restarts the source <paramref name="sourceFactory"/> makes whenever it completes or fails; the
    /// wrapper itself never completes on its own (until restarts run out).
    /// </summary>
    public static Source<T, NotUsed> WithBackoff<T, TMat>(Func<Source<T, TMat>> sourceFactory, RestartSettings settings) =>
        Source.FromGraph(new RestartSource<T, TMat>(sourceFactory, settings, onlyOnFailures: false));

    /// <summary>Restarts with backoff between <paramref name="minBackoff"/> and <paramref name="maxBackoff"/>, plus random extra up to <paramref name="randomFactor"/>.</summary>
    public static Source<T, NotUsed> WithBackoff<T, TMat>(Func<Source<T, TMat>> sourceFactory, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        WithBackoff(sourceFactory, RestartSettings.Create(minBackoff, maxBackoff, randomFactor));

    /// <summary>Restarts the source only when it fails; its completion completes the wrapper.</summary>
    public static Source<T, NotUsed> OnFailuresWithBackoff<T, TMat>(Func<Source<T, TMat>> sourceFactory, RestartSettings settings) =>
        Source.FromGraph(new RestartSource<T, TMat>(sourceFactory, settings, onlyOnFailures: true));
}
