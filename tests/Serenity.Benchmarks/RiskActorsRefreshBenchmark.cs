using System.Diagnostics;
using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Cluster.Sharding;
using Serenity.Hocon;
using Serenity.MarketData;
using Serenity.Risk.Entities;
using Serenity.Trading;

namespace Serenity.Benchmarks;

/// <summary>
/// var_refresh_10k_actors: the same load as var_refresh_10k (500 symbols, window 60, 10,000 portfolios x 20 positions)
/// through the actors: 10,000 Risk entities on the sharding API and the node's scenario hub. Accounts, portfolios and
/// tickers are small stand-ins on the same shard types (registering 10,000 real accounts costs 10,000 PBKDF2 hashes).
/// One refresh = a minute's bar for every symbol published on <c>bars.{SYM}</c>; the hub aligns once and publishes;
/// every entity reprices and publishes its snapshot on <c>risk.{user}</c> to one counting subscriber. The figure is the
/// median, over 11 minutes, of the time from the first bar published to the 10,000th snapshot received, in ms. Before
/// the clock starts, every entity is woken and the benchmark waits for each one's first full snapshot (its positions,
/// every one covered, 60 scenarios) on that same subscription: a signal, not a poll. Start-up time and the CPU time of the measured
/// refreshes go to stderr.
/// </summary>
internal static class RiskActorsRefreshBenchmark
{
    private const int Symbols = 500;
    private const int Users = 10_000;
    private const int PositionsPer = 20;
    private const int Window = 60;
    private static readonly DateTime s_t0 = new(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc);

    public static double Measure()
    {
        using var system = ActorSystem.Create("risk-bench", ConfigurationFactory.ParseString($"""
            serenity.persistence.journal.plugin = memory
            serenity.persistence.snapshot-store.plugin = memory
            serenity.stdout-loglevel = WARNING
            serenity.risk.window = {Window}
            serenity.risk.drawdown-refresh = off
            """));
        var random = new Random(3);
        var closes = Enumerable.Range(0, Symbols).Select(_ => 20m + random.Next(0, 500)).ToArray();
        var history = new Bar[Symbols][];
        for (var s = 0; s < Symbols; s++)
        {
            history[s] = new Bar[Window + 1];
            for (var m = 0; m <= Window; m++) history[s][m] = NextBar(s, m, closes, random);
        }
        var sharding = ClusterSharding.Get(system);
        sharding.Start(TradingEntities.TickerType, id => Props.Create(() => new Stub(new BarsView(id, 1, history[int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)]))));
        sharding.Start(TradingEntities.PortfolioType, id => Props.Create(() => new Stub(new ValueHistoryView(id, []))));
        sharding.Start(TradingEntities.AccountType, id => Props.Create(() => new Stub(Account(id))));
        var risk = RiskEntities.Start(system);
        var counter = system.ActorOf(Props.Create(() => new Counter()));
        var pubSub = DistributedPubSub.Get(system);
        for (var u = 0; u < Users; u++) pubSub.Subscribe(RiskTopics.Risk(Name(u)), counter);
        var started = Stopwatch.StartNew();
        var ready = counter.Ask<TaskCompletionSource>(new ExpectReady(Users)).GetAwaiter().GetResult();
        for (var u = 0; u < Users; u++) risk.Risk(Name(u)).Tell(WakeUp.Instance, ActorRefs.NoSender);
        if (!ready.Task.Wait(TimeSpan.FromMinutes(2)))
        {
            var stats = risk.Hub.Ask<ScenarioHubStats>(GetScenarioHubStats.Instance).GetAwaiter().GetResult();
            var left = counter.Ask<int>(Left.Instance).GetAwaiter().GetResult();
            throw new InvalidOperationException($"{left} of {Users} Risk entities had no full snapshot after 2 minutes; the hub has {stats.Windows.Count} windows");
        }
        Console.Error.WriteLine($"var_refresh_10k_actors: {Users} entities ready in {started.Elapsed.TotalMilliseconds:F0} ms");
        var samples = new double[11];
        var cpu = TimeSpan.Zero;
        var allocated = 0L;
        var paused = TimeSpan.Zero;
        var gcs = new int[3];
        for (var minute = Window + 1; minute < Window + 1 + 2 + samples.Length; minute++)
        {
            var done = counter.Ask<TaskCompletionSource>(new Expect(s_t0.AddMinutes(minute), Users)).GetAwaiter().GetResult();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var pausedBefore = GC.GetTotalPauseDuration();
            var gcsBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            var sw = Stopwatch.StartNew();
            for (var s = 0; s < Symbols; s++) pubSub.Publish("bars." + Sym(s), NextBar(s, minute, closes, random));
            if (!done.Task.Wait(TimeSpan.FromMinutes(1)))
            {
                var stats = risk.Hub.Ask<ScenarioHubStats>(GetScenarioHubStats.Instance).GetAwaiter().GetResult();
                var left = counter.Ask<int>(Left.Instance).GetAwaiter().GetResult();
                throw new InvalidOperationException($"not every Risk entity refreshed at minute {minute}: {left} missing; hub version {stats.Version}, {stats.Publications} publications, {stats.Windows.Count} windows");
            }
            var i = minute - Window - 3;
            if (i < 0) continue; // the first two minutes warm up
            samples[i] = sw.Elapsed.TotalMilliseconds;
            cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            allocated += GC.GetTotalAllocatedBytes() - allocatedBefore;
            paused += GC.GetTotalPauseDuration() - pausedBefore;
            for (var g = 0; g < 3; g++) gcs[g] += GC.CollectionCount(g) - gcsBefore[g];
        }
        Console.Error.WriteLine($"var_refresh_10k_actors: per refresh (mean of {samples.Length}): {cpu.TotalMilliseconds / samples.Length:F1} ms of CPU, {allocated / samples.Length / 1e6:F1} MB allocated, {paused.TotalMilliseconds / samples.Length:F1} ms paused by GC, GCs gen0/1/2 {gcs[0]}/{gcs[1]}/{gcs[2]} in all");
        Array.Sort(samples);
        var sample = risk.Risk(Name(0)).Ask<RiskView>(GetRisk.Instance).GetAwaiter().GetResult().Snapshot;
        if (sample.ScenarioCount != Window || sample.Historical95.Var <= 0m) throw new InvalidOperationException("no VaR computed");
        return samples[samples.Length / 2];

        AccountView Account(string id)
        {
            var r = new Random(id.GetHashCode(StringComparison.Ordinal));
            var holdings = Enumerable.Range(0, Symbols).OrderBy(_ => r.Next()).Take(PositionsPer).ToDictionary(Sym, _ => (decimal)(r.Next(-50, 200) + 1));
            return new AccountView(id, true, 10_000m, holdings, 0, false);
        }
    }

    private static string Name(int user) => "u" + user.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Sym(int s) => "S" + s.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    private static Bar NextBar(int s, int minute, decimal[] closes, Random random)
    {
        closes[s] = Math.Max(1m, Math.Round(closes[s] * (1m + (decimal)((random.NextDouble() - 0.5) * 0.004)), 2));
        var c = closes[s];
        return new Bar(Sym(s), s_t0.AddMinutes(minute), c, c, c, c, 100m, 10, c);
    }

    /// <summary>Answers every request with one fixed reply (a stand-in for an account, portfolio or ticker).</summary>
    private sealed class Stub : ReceiveActor
    {
        public Stub(object reply) => ReceiveAny(_ => Sender.Tell(reply));
    }

    private sealed record Expect(DateTime AsOf, int Count);

    private sealed record ExpectReady(int Count);

    private sealed record Left
    {
        public static readonly Left Instance = new();
    }

    /// <summary>
    /// Counts users whose snapshot is full (every position, every scenario) or snapshots of the expected minute; completes
    /// the task at the expected count.
    /// </summary>
    private sealed class Counter : ReceiveActor
    {
        private readonly HashSet<string> _ready = new(StringComparer.Ordinal);
        private TaskCompletionSource? _done;
        private DateTime? _asOf;
        private int _left;

        public Counter()
        {
            Receive<ExpectReady>(e =>
            {
                _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _asOf = null;
                _left = e.Count;
                Sender.Tell(_done);
            });
            Receive<Expect>(e =>
            {
                _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _asOf = e.AsOf;
                _left = e.Count;
                Sender.Tell(_done);
            });
            Receive<Left>(_ => Sender.Tell(_left));
            Receive<RiskSnapshot>(s =>
            {
                var counts = _asOf is null
                    ? s is { ScenarioCount: Window, Positions.Count: > 0, UncoveredSymbols.Count: 0 } && _ready.Add(s.UserId)
                    : s.AsOf == _asOf;
                if (counts && --_left == 0) _done?.TrySetResult();
            });
        }
    }
}
