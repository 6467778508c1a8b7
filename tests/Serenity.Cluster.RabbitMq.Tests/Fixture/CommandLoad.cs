using System.Collections.Concurrent;
using System.Globalization;
using Serenity.Actors;
using Serenity.Cluster.TestNode;

namespace Serenity.Cluster.RabbitMq.Tests.Fixture;

/// <summary>
/// Concurrent clients placing commands through the client node: each sends one command at a time and
/// retries the same command id until it is acknowledged (as a real client would after a timeout).
/// </summary>
internal sealed class CommandLoad
{
    private readonly ClusterHarness _cluster;
    private readonly int _entities;
    private readonly ConcurrentDictionary<string, Added> _acked = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;
    private int _retries;

    public CommandLoad(ClusterHarness cluster, int entities)
    {
        _cluster = cluster;
        _entities = entities;
    }

    /// <summary>Acknowledged commands by id.</summary>
    public IReadOnlyDictionary<string, Added> Acked => _acked;

    /// <summary>How many times a command was sent again after a timeout or failure.</summary>
    public int Retries => Volatile.Read(ref _retries);

    public void Start(int clients) => _run = Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c))));

    /// <summary>Stops new commands; waits (bounded) until every client's last command was acknowledged.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _run!.WaitAsync(timeout).ConfigureAwait(false);
    }

    private async Task ClientAsync(int client)
    {
        for (var k = 0; !_stop.IsCancellationRequested; k++)
        {
            var id = $"c{client.ToString(CultureInfo.InvariantCulture)}-{k.ToString(CultureInfo.InvariantCulture)}";
            var entity = "e" + ((client * 7 + k) % _entities).ToString(CultureInfo.InvariantCulture);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (true)
            {
                try
                {
                    _acked[id] = await _cluster.Entity(entity).Ask<Added>(new Add(id, 1), TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (e is AskTimeoutException or Transport.RemoteEntityException && DateTime.UtcNow < deadline)
                {
                    Interlocked.Increment(ref _retries);
                }
            }
        }
    }
}
