using System.Diagnostics;

namespace Serenity.Tests.Shared;

/// <summary>Waits for an observable condition with a deadline (never a bare sleep as synchronisation).</summary>
internal static class Poll
{
    /// <summary>Evaluates <paramref name="condition"/> until it holds; past <paramref name="timeout"/> fails with <paramref name="what"/> and the last state.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string what, Func<T, string>? describe = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe().ConfigureAwait(false);
            if (condition(value)) return value;
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0.#} s; last state: {(describe is null ? value?.ToString() : describe(value))}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        }
    }
}
