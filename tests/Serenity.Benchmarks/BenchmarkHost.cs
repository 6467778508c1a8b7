using System.Diagnostics;
using System.Globalization;

namespace Serenity.Benchmarks;

/// <summary>
/// Runs a benchmark group in several child processes (figures vary between processes on shared
/// machines), each running every benchmark several times, and prints the median of all runs.
/// </summary>
internal static class BenchmarkHost
{
    private static readonly Dictionary<string, Func<IReadOnlyList<Benchmark>>> s_groups = new(StringComparer.Ordinal)
    {
        ["actors"] = ActorBenchmarks.All,
        ["persistence"] = PersistenceBenchmarks.All,
        ["streams"] = StreamBenchmarks.All,
        ["marketdata"] = MarketDataBenchmarks.All,
        ["trading"] = TradingBenchmarks.All,
        ["risk"] = RiskBenchmarks.All,
        ["tickstore"] = TickstoreBenchmarks.All,
        ["cluster"] = ClusterBenchmarks.All,
    };

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" || !s_groups.TryGetValue(args[0], out var group))
        {
            Console.Error.WriteLine($"usage: Serenity.Benchmarks <{string.Join('|', s_groups.Keys)}> [--processes N] [--runs N] [--only a,b] [--soak-minutes N]");
            return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
        }
        var processes = IntOption(args, "--processes", 3);
        var runs = IntOption(args, "--runs", 3);
        var only = StringOption(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        SoakMinutes = StringOption(args, "--soak-minutes") is { } soak ? double.Parse(soak, CultureInfo.InvariantCulture) : null;
        var benchmarks = group().Where(b => only is null || only.Contains(b.Name)).ToList();
        if (args.Contains("--child"))
        {
            foreach (var b in benchmarks)
            {
                for (var i = 0; i < runs; i++) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{b.Name} {b.Measure()}"));
            }
            return 0;
        }
        var samples = benchmarks.ToDictionary(b => b.Name, _ => new List<double>());
        // Benchmarks of what the Serenity.Server executable runs get a child of their own with the server's runtime settings.
        var children = benchmarks.GroupBy(b => b.ServerProcess || s_serverNodeGroups.Contains(args[0])).ToList();
        for (var p = 0; p < processes; p++)
        {
            Console.Error.WriteLine($"process {p + 1}/{processes} ...");
            foreach (var child in children)
            {
                var names = children.Count == 1 ? only : [.. child.Select(b => b.Name)];
                foreach (var (name, value) in RunChild(args[0], runs, names, StringOption(args, "--soak-minutes"), child.Key)) samples[name].Add(value);
            }
        }
        foreach (var b in benchmarks)
        {
            var values = samples[b.Name];
            values.Sort();
            var median = values.Count == 0 ? double.NaN : values[values.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{b.Name}: {b.Format(median)} {b.Unit}"));
        }
        return 0;
    }

    /// <summary>
    /// <c>--soak-minutes N</c>: long-running benchmarks (the market-data memory soak) run this long instead of
    /// their short default and print their curve to stderr.
    /// </summary>
    public static double? SoakMinutes { get; private set; }

    private static readonly HashSet<string> s_serverNodeGroups = new(StringComparer.Ordinal) { "trading", "risk" };

    private static IEnumerable<(string Name, double Value)> RunChild(string group, int runs, string[]? only, string? soakMinutes, bool serverProcess)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        var dll = typeof(BenchmarkHost).Assembly.Location;
        if (!Path.GetFileName(Environment.ProcessPath!).StartsWith("Serenity.Benchmarks", StringComparison.Ordinal)) psi.ArgumentList.Add(dll);
        // The trading and risk groups (and benchmarks marked ServerProcess) measure what the Serenity.Server executable
        // runs: with the server's runtime settings (GC).
        if (serverProcess) ServerRuntimeConfig.Apply(psi, dll);
        foreach (var a in new[] { group, "--child", "--runs", runs.ToString(CultureInfo.InvariantCulture) }) psi.ArgumentList.Add(a);
        if (only is not null)
        {
            psi.ArgumentList.Add("--only");
            psi.ArgumentList.Add(string.Join(',', only));
        }
        if (soakMinutes is not null)
        {
            psi.ArgumentList.Add("--soak-minutes");
            psi.ArgumentList.Add(soakMinutes);
        }
        using var child = Process.Start(psi)!;
        var lines = new List<(string, double)>();
        while (child.StandardOutput.ReadLine() is { } line)
        {
            var parts = line.Split(' ');
            if (parts.Length == 2 && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var v)) lines.Add((parts[0], v));
        }
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"benchmark child process failed with exit code {child.ExitCode}");
        return lines;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : fallback;

    private static string? StringOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

/// <summary>
/// One named measurement. <paramref name="ServerProcess"/>: it measures something the Serenity.Server executable runs
/// (a subcommand such as <c>serenity backtest</c>), so its child process gets the server's runtime settings.
/// </summary>
internal sealed record Benchmark(string Name, string Unit, Func<double> Measure, int Decimals = 0, bool ServerProcess = false)
{
    public string Format(double value) => value.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
