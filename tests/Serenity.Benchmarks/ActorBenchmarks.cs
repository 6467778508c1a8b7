using System.Diagnostics;
using Serenity.Actors;
using Serenity.Hocon;

namespace Serenity.Benchmarks;

/// <summary>
/// The kernel's benchmarks, defined as in the reference table of the foundation issue (Akka.NET 1.5.30,
/// default dispatcher, throughput 30) so the figures compare.
/// </summary>
internal static class ActorBenchmarks
{
    private const int PingPongTells = 2_000_000;
    private const int FanOutMessages = 5_000_000;
    private const int FanOutActors = 1_000;
    private const int AskCount = 100_000;
    private const int IdleActors = 1_000_000;

    public static IReadOnlyList<Benchmark> All() =>
    [
        new("pingpong_1pair", "msg/s", () => PingPong(1)),
        new("pingpong_8pairs", "msg/s", () => PingPong(8)),
        new("fanout_1000", "msg/s", FanOut),
        new("ask_p50", "us", () => AskLatency(0.50), 2),
        new("ask_p99", "us", () => AskLatency(0.99), 2),
        new("tell_alloc", "bytes", TellAllocation, 3),
        new("idle_actors_1m", "MiB", IdleActorMemory, 1),
    ];

    private static ActorSystem NewSystem() =>
        ActorSystem.Create("bench", ConfigurationFactory.ParseString("serenity.stdout-loglevel = WARNING"));

    /// <summary>Pairs of actors bouncing one reused message; rate = all Tells / wall time.</summary>
    private static double PingPong(int pairs)
    {
        using var system = NewSystem();
        var done = new CountdownEvent(pairs);
        var message = new Ball();
        var starters = new List<(IActorRef Pinger, IActorRef Ponger)>();
        for (var i = 0; i < pairs; i++)
        {
            var pinger = system.ActorOf(Props.Create(() => new Pinger(PingPongTells, done)));
            var ponger = system.ActorOf(Props.Create(() => new Echo()));
            starters.Add((pinger, ponger));
        }
        WarmUp(system);
        var sw = Stopwatch.StartNew();
        foreach (var (pinger, ponger) in starters) ponger.Tell(message, pinger);
        done.Wait();
        sw.Stop();
        return (double)PingPongTells * pairs / sw.Elapsed.TotalSeconds;
    }

    /// <summary>A plain thread Tells round-robin to 1,000 counting actors; ends when all have counted theirs.</summary>
    private static double FanOut()
    {
        using var system = NewSystem();
        var perActor = FanOutMessages / FanOutActors;
        var done = new CountdownEvent(FanOutActors);
        var actors = Enumerable.Range(0, FanOutActors).Select(_ => system.ActorOf(Props.Create(() => new Counter(perActor, done)))).ToArray();
        WarmUp(system);
        var message = new Ball();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < FanOutMessages; i++) actors[i % FanOutActors].Tell(message, null);
        done.Wait();
        sw.Stop();
        return FanOutMessages / sw.Elapsed.TotalSeconds;
    }

    private static readonly Dictionary<double, double> s_askCache = [];

    /// <summary>Sequential awaited Asks to an echo actor; both percentiles come from one run.</summary>
    private static double AskLatency(double percentile)
    {
        if (s_askCache.Remove(percentile, out var cached)) return cached;
        using var system = NewSystem();
        var echo = system.ActorOf(Props.Create(() => new Echo()));
        var latencies = Task.Run(async () =>
        {
            var message = new Ball();
            for (var i = 0; i < 10_000; i++) await echo.Ask<Ball>(message, TimeSpan.FromSeconds(5));
            var ticks = new long[AskCount];
            for (var i = 0; i < AskCount; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await echo.Ask<Ball>(message, TimeSpan.FromSeconds(5));
                ticks[i] = Stopwatch.GetTimestamp() - start;
            }
            return ticks;
        }).GetAwaiter().GetResult();
        Array.Sort(latencies);
        double At(double p) => latencies[(int)Math.Min(latencies.Length - 1, p * latencies.Length)] * 1_000_000.0 / Stopwatch.Frequency;
        s_askCache[0.50] = At(0.50);
        s_askCache[0.99] = At(0.99);
        return s_askCache.Remove(percentile, out var value) ? value : double.NaN;
    }

    /// <summary>Bytes allocated per Tell in steady state: a long ping-pong, all threads counted.</summary>
    private static double TellAllocation()
    {
        using var system = NewSystem();
        var done = new CountdownEvent(1);
        var tells = 1_000_000;
        var pinger = system.ActorOf(Props.Create(() => new Pinger(tells, done)));
        var ponger = system.ActorOf(Props.Create(() => new Echo()));
        WarmUp(system);
        // A first round lets mailboxes and the thread pool reach steady state.
        var warm = new CountdownEvent(1);
        var warmPinger = system.ActorOf(Props.Create(() => new Pinger(tells, warm)));
        ponger.Tell(new Ball(), warmPinger);
        warm.Wait();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        ponger.Tell(new Ball(), pinger);
        done.Wait();
        var after = GC.GetTotalAllocatedBytes(precise: true);
        return (after - before) / (double)tells;
    }

    /// <summary>Memory held by 1,000,000 started, idle actors.</summary>
    private static double IdleActorMemory()
    {
        using var system = NewSystem();
        WarmUp(system);
        var started = new CountdownEvent(IdleActors);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var refs = new IActorRef[IdleActors];
        var props = Props.Create(() => new Idle(started)); // one recipe for many entities, as sharding does
        for (var i = 0; i < IdleActors; i++) refs[i] = system.ActorOf(props);
        started.Wait();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(refs);
        // The refs array itself (8 MB) is the benchmark's, not the actors'.
        return (after - before - (long)IdleActors * IntPtr.Size) / (1024.0 * 1024.0);
    }

    private static void WarmUp(ActorSystem system)
    {
        var echo = system.ActorOf(Props.Create(() => new Echo()));
        for (var i = 0; i < 1000; i++) echo.Ask<Ball>(new Ball(), TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        system.Stop(echo);
    }

    private sealed class Ball;

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<Ball>(b => Sender.Tell(b, Self));
    }

    private sealed class Pinger : ReceiveActor
    {
        public Pinger(int tells, CountdownEvent done)
        {
            var left = tells - 1; // the first Tell is the starter's
            Receive<Ball>(b =>
            {
                if (--left <= 0)
                {
                    done.Signal();
                    return;
                }
                left--;
                Sender.Tell(b, Self);
            });
        }
    }

    private sealed class Counter : ReceiveActor
    {
        public Counter(int expected, CountdownEvent done)
        {
            var seen = 0;
            Receive<Ball>(_ =>
            {
                if (++seen == expected) done.Signal();
            });
        }
    }

    private sealed class Idle : ReceiveActor
    {
        private readonly CountdownEvent _started;

        public Idle(CountdownEvent started)
        {
            _started = started;
            Receive<Ball>(_ => { });
        }

        protected override void PreStart() => _started.Signal();
    }
}
