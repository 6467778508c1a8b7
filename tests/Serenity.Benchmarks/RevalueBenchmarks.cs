using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using Serenity.Actors;
using Serenity.Trading;

namespace Serenity.Benchmarks;

/// <summary>
/// 10,000 portfolios of 20 positions each (all 20 simulated symbols) follow the rationed quotes and revalue on each one;
/// 100 of the users have a WebSocket open with <c>subscribe_account</c>, so their revaluations are pushed. The figure
/// is the process's CPU time over a 10-second window as a percentage of one core. The push keeps up when every
/// connected client received portfolio pushes throughout the window and none was closed as too slow (printed on stderr,
/// with the process's working set and managed heap at the end of the window).
/// </summary>
internal static class RevalueBenchmarks
{
    private const int Portfolios = 10_000;
    private const int Positions = 20;
    private const int Watchers = 100;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private static readonly string[] s_symbols = [.. Enumerable.Range(0, Positions).Select(i => "S" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))];
    private static readonly Lazy<(TradingBenchNode Node, string[] Tokens)> s_node = new(() => Setup().GetAwaiter().GetResult());

    /// <summary>The rationed quote rate: 20 quotes/s over all symbols (one per symbol per second), each revaluing 10,000 portfolios.</summary>
    public const int QuotesPerSecond = 20;

    public static double Revalue10kCpu()
    {
        var (node, tokens) = s_node.Value;
        return Task.Run(async () =>
        {
            using var stop = new CancellationTokenSource();
            var counts = new long[tokens.Length];
            var sockets = await Task.WhenAll(tokens.Select((t, i) => WatchAsync(node, t, counts, i, stop.Token)));
            await Task.Delay(TimeSpan.FromSeconds(2)); // warm-up: snapshots pushed, JIT
            var quotesBefore = node.Host.Context.Board.QuotesSeen;
            var slowBefore = node.Host.Context.Metrics.WebSocketSlowClosed;
            var startCounts = counts.ToArray();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            await Task.Delay(Window);
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var elapsed = sw.Elapsed;
            var pushes = counts.Select((c, i) => Interlocked.Read(ref counts[i]) - startCounts[i]).ToArray();
            var quotes = node.Host.Context.Board.QuotesSeen - quotesBefore;
            await stop.CancelAsync();
            foreach (var s in sockets) s.Abort();
            Console.Error.WriteLine($"revalue_10k_cpu: {quotes / elapsed.TotalSeconds:F1} rationed quotes/s; portfolio pushes per watcher over {elapsed.TotalSeconds:F1}s: min {pushes.Min()}, median {pushes.Order().ElementAt(pushes.Length / 2)}; slow-closed {node.Host.Context.Metrics.WebSocketSlowClosed - slowBefore}; memory: working set {Environment.WorkingSet >> 20} MiB, managed heap {GC.GetTotalMemory(forceFullCollection: false) >> 20} MiB");
            return used.TotalMilliseconds / elapsed.TotalMilliseconds * 100.0;
        }).GetAwaiter().GetResult();
    }

    private static async Task<(TradingBenchNode, string[])> Setup()
    {
        var symbols = string.Join(", ", s_symbols.Select(s => $"\"{s}\""));
        var node = await TradingBenchNode.StartAsync($$"""
            serenity.market-data.symbols = [{{symbols}}]
            serenity.market-data.simulator.quotes-per-second = {{QuotesPerSecond}}
            serenity.streams.fair-bucket.per-key-rate = 10
            serenity.streams.fair-bucket.global-rate = 1000
            serenity.server.websocket.push-interval = 100ms
            """);
        var system = node.Host.System;
        var entities = node.Host.Entities;
        // Positions go straight to the portfolios (10,000 registrations would spend minutes in PBKDF2); the watchers
        // are real users whose accounts buy through HTTP.
        var acks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var collector = system.ActorOf(Props.Create(() => new AckCounter((Portfolios - Watchers) * Positions, acks)));
        var at = system.Clock.GetUtcNow().UtcDateTime;
        for (var p = Watchers; p < Portfolios; p++)
        {
            var user = "rv" + p;
            for (var k = 0; k < Positions; k++)
            {
                var fill = new Fill($"{user}-fill-{k + 1}", k + 1, $"{user}-{k + 1}", null, s_symbols[k], OrderSide.Buy, 10m, 50m, at);
                entities.Portfolio(user).Tell(new PortfolioDelivery(k + 1, fill, false), collector);
            }
        }
        await acks.Task.WaitAsync(TimeSpan.FromMinutes(5));
        var tokens = await node.UsersAsync("rv", Watchers);
        // At 20 quotes/s a symbol's first quote may still be on its way: wait until every ticker has one.
        var board = node.Host.Context.Board;
        for (var waited = 0; s_symbols.Any(s => board.LatestQuote(s) is null); waited++)
        {
            if (waited > 300) throw new TimeoutException("not every symbol got a quote within 30 s");
            await Task.Delay(100);
        }
        foreach (var token in tokens)
        {
            foreach (var s in s_symbols)
            {
                var (accepted, answer) = await node.OrderWithAnswerAsync(token, TradingBenchNode.OrderBody(s, "buy", 1));
                if (!accepted) throw new InvalidOperationException($"set-up order rejected: {s}: {answer}");
            }
        }
        return (node, tokens);
    }

    private static async Task<ClientWebSocket> WatchAsync(TradingBenchNode node, string token, long[] counts, int index, CancellationToken stop)
    {
        var ws = new ClientWebSocket();
        var uri = new UriBuilder(node.Host.BaseAddress) { Scheme = "ws", Path = "/ws", Query = "token=" + Uri.EscapeDataString(token) }.Uri;
        await ws.ConnectAsync(uri, stop);
        await ws.SendAsync(Encoding.UTF8.GetBytes("""{"action":"subscribe_account"}"""), WebSocketMessageType.Text, true, stop);
        _ = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            var portfolio = Encoding.UTF8.GetBytes("\"type\":\"portfolio\"");
            try
            {
                var message = new List<byte>();
                while (!stop.IsCancellationRequested)
                {
                    var r = await ws.ReceiveAsync(buffer, stop);
                    if (r.MessageType == WebSocketMessageType.Close) return;
                    if (r.Count >= portfolio.Length && buffer.AsSpan(0, r.Count).IndexOf(portfolio) >= 0) Interlocked.Increment(ref counts[index]);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // stopped
            }
        }, CancellationToken.None);
        return ws;
    }

    private sealed class AckCounter : ReceiveActor
    {
        private int _left;

        public AckCounter(int expected, TaskCompletionSource done)
        {
            _left = expected;
            Receive<DeliveryAck>(_ =>
            {
                if (--_left == 0) done.TrySetResult();
            });
        }
    }
}
