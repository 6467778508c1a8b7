using System.Diagnostics;
using System.Runtime;

namespace Serenity.Benchmarks;

/// <summary>
/// Orders over HTTP against one node (SQLite, durable): the latency at a fixed 1,000 orders/s (open loop, measured from
/// each order's scheduled send time, so a stall is not hidden), and the rate 100 users sustain each sending its next
/// order as soon as the last is answered. Client and server share this process and its 2 cores. Besides the figure,
/// stderr shows the server's own share (its order-latency histogram), the process CPU per order and the GC pauses.
/// </summary>
internal static class OrderHttpBenchmarks
{
    private const int LatencyUsers = 20;
    private const int Rate = 1_000;
    private const int LatencySeconds = 5;

    // A fresh node is not yet in its steady state for the first seconds of order flow: the JIT recompiles the hot
    // paths (its thread took a fifth of the CPU), SQLite's write-ahead log grows to its working size (every commit
    // then also changes the file's size, a slower fsync), and the users' bounded order and trade histories fill.
    // The first measured run of a process therefore follows 10 s of orders at the measured rate (its figures are
    // printed), later runs 1 s; the measured window itself is unchanged.
    private const int FirstWarmUpSeconds = 10;
    private static bool s_warmedUp;
    private static readonly List<double> s_measured = []; // every measured order of this process: one 5-s window's p99 swings with whether a gen2 fell in it
    private const int SustainedUsers = 100;
    private static readonly TimeSpan SustainedWindow = TimeSpan.FromSeconds(10);
    private static readonly string[] s_symbols = ["AAPL", "MSFT", "AMZN", "TSLA"];
    private static readonly Lazy<(TradingBenchNode Node, string[] Latency, string[] Sustained)> s_node = new(() => Setup().GetAwaiter().GetResult());

    /// <summary>
    /// p99 in ms of 5,000 market orders sent at 1,000/s by 20 users, each to persisted fill and HTTP answer, after a
    /// warm-up at the same rate (10 s before a process's first run, 1 s before the others).
    /// </summary>
    public static double OrderHttpP99()
    {
        var (node, users, _) = s_node.Value;
        var bodies = Bodies();
        return Task.Run(async () =>
        {
            var warmUp = await OpenLoopAsync(node, users, bodies, Rate, s_warmedUp ? 1 : FirstWarmUpSeconds);
            if (!s_warmedUp) Console.Error.WriteLine($"order_http warm-up ({FirstWarmUpSeconds} s, a fresh node): {Percentiles(warmUp.Latencies)}");
            s_warmedUp = true;
            Console.Error.WriteLine(MachineProbe.Describe());
            var window = RunWindow.Start(node);
            var episodes = SlowOrderEpisodes.StartIfAsked();
            var run = await OpenLoopAsync(node, users, bodies, Rate, LatencySeconds);
            var episodeReport = episodes?.Stop(run.Due, run.Latencies, run.PacerLate); // before Percentiles sorts the latencies
            var latencies = run.Latencies;
            Console.Error.WriteLine($"order_http latency ms: {Percentiles(latencies)}; {window.Report(latencies.Length)}");
            if (episodeReport is not null) Console.Error.WriteLine(episodeReport);
            s_measured.AddRange(latencies);
            Console.Error.WriteLine($"order_http all {s_measured.Count} measured orders of this process: {Percentiles([.. s_measured])}");
            return latencies[(int)(0.99 * latencies.Length)];
        }).GetAwaiter().GetResult();
    }

    // Sorts the array it is given.
    private static string Percentiles(double[] latencies)
    {
        Array.Sort(latencies);
        double At(double q) => latencies[(int)(q * (latencies.Length - 1))];
        return $"p50 {At(0.5):F2}, p90 {At(0.9):F2}, p99 {At(0.99):F2}, max {At(1):F2}";
    }

    /// <summary>Orders/s from 100 users, each with one order in flight at a time, over 10 seconds after a 2-second warm-up.</summary>
    public static double OrdersSustained()
    {
        var (node, _, users) = s_node.Value;
        var bodies = Bodies();
        return Task.Run(async () =>
        {
            await ClosedLoopAsync(node, users, bodies, TimeSpan.FromSeconds(2));
            var window = RunWindow.Start(node);
            var (accepted, elapsed) = await ClosedLoopAsync(node, users, bodies, SustainedWindow);
            Console.Error.WriteLine($"orders_sustained: {accepted / elapsed.TotalSeconds:F0} orders/s; {window.Report(accepted)}");
            return accepted / elapsed.TotalSeconds;
        }).GetAwaiter().GetResult();
    }

    private static async Task<(TradingBenchNode, string[], string[])> Setup()
    {
        // Which GC the figures are for (the harness runs this child with the server's runtimeconfig.json).
        Console.Error.WriteLine($"runtime: {(GCSettings.IsServerGC ? "Server" : "workstation")} GC, latency mode {GCSettings.LatencyMode}, DGen0GrowthPercent {AppContext.GetData("System.GC.DGen0GrowthPercent") ?? "default"}, {Environment.ProcessorCount} cores");
        var node = await TradingBenchNode.StartAsync("");
        var latency = await node.UsersAsync("lat", LatencyUsers);
        var sustained = await node.UsersAsync("sus", SustainedUsers);
        // A holding in every symbol first, so that sells of one share always fill.
        foreach (var token in latency.Concat(sustained))
        {
            foreach (var s in s_symbols)
            {
                if (!await node.OrderAsync(token, TradingBenchNode.OrderBody(s, "buy", 100))) throw new InvalidOperationException("set-up order rejected");
            }
        }
        return (node, latency, sustained);
    }

    private static byte[][] Bodies() =>
        [.. s_symbols.SelectMany(s => new[] { TradingBenchNode.OrderBody(s, "buy", 1), TradingBenchNode.OrderBody(s, "sell", 1) })];

    /// <summary>
    /// Sends <paramref name="rate"/> orders a second for <paramref name="seconds"/> from a thread of its own that sleeps to
    /// each order's due time with the kernel's precision and starts the request itself (no pool hop). The latency counts
    /// from the due time. (The pacer used to await Task.Delay, whose timer fired 1-2 ms late and then sent a burst: half
    /// the orders started 1.4 ms or more after their due time, which the figure counted as the server's.) Besides the
    /// latencies: each order's due time and how late the pacer woke for it, for <see cref="SlowOrderEpisodes"/>.
    /// </summary>
    private static async Task<(double[] Latencies, long[] Due, double[] PacerLate)> OpenLoopAsync(TradingBenchNode node, string[] users, byte[][] bodies, int rate, int seconds)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var dues = new long[total];
        var pacerLate = new double[total];
        var pending = new Task[total];
        var pacer = new Thread(() =>
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < total; i++)
            {
                var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
                MonotonicSleep.Until(due);
                pacerLate[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                dues[i] = due;
                pending[i] = SendAsync(i, due);
            }
        })
        { IsBackground = true, Name = "order-pacer" };
        pacer.Start();
        await Task.Run(pacer.Join);
        await Task.WhenAll(pending);
        return (latencies, dues, pacerLate);

        async Task SendAsync(int index, long due)
        {
            if (!await node.OrderAsync(users[index % users.Length], bodies[index / users.Length % bodies.Length])) throw new InvalidOperationException("order rejected");
            latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
        }
    }

    private static async Task<(long Accepted, TimeSpan Elapsed)> ClosedLoopAsync(TradingBenchNode node, string[] users, byte[][] bodies, TimeSpan window)
    {
        long accepted = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(users.Select((token, u) => Task.Run(async () =>
        {
            var i = u;
            while (sw.Elapsed < window)
            {
                if (await node.OrderAsync(token, bodies[i++ % bodies.Length])) Interlocked.Increment(ref accepted);
            }
        })));
        return (accepted, sw.Elapsed);
    }
}
