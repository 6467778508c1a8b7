using System.Diagnostics;
using Serenity.Actors;

namespace Serenity.Cluster.RabbitMq.Tests.Fixture;

/// <summary>Messages an actor received, for a test to wait on (signalled, never slept on).</summary>
internal sealed class ProbeQueue<T>
{
    private readonly List<T> _seen = [];
    private readonly SemaphoreSlim _signal = new(0);

    public IReadOnlyList<T> Seen
    {
        get
        {
            lock (_seen) return _seen.ToList();
        }
    }

    public void Add(T item)
    {
        lock (_seen) _seen.Add(item);
        _signal.Release();
    }

    public async Task<T> WaitForAsync(Func<T, bool> match, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = Seen.FirstOrDefault(match);
            if (found is not null) return found;
            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero || !await _signal.WaitAsync(left).ConfigureAwait(false))
            {
                throw new TimeoutException($"{what} did not arrive within {timeout.TotalSeconds:0} s; got: {string.Join(", ", Seen)}");
            }
        }
    }
}

/// <summary>Puts everything of type <typeparamref name="T"/> it receives into a <see cref="ProbeQueue{T}"/>.</summary>
internal sealed class Collector<T> : ReceiveActor
{
    public Collector(ProbeQueue<T> queue) => Receive<T>(queue.Add);
}
