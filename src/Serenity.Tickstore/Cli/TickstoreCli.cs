using Serenity.MarketData.Alpaca;
using Serenity.MarketData.Alpaca.Rest;
using Serenity.MarketData.Simulation;
using Serenity.Tickstore.Filling;
using Serenity.Tickstore.Format;

namespace Serenity.Tickstore.Cli;

/// <summary>
/// <c>serenity tickstore download|import|simulate|select|versions|delete|undelete|verify</c>. Exit codes: 0 ok,
/// 1 failure (including corruption found by verify), 2 bad usage. Results go to stdout, progress and errors to stderr.
/// </summary>
public static partial class TickstoreCli
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: serenity tickstore <command> [options]   (--root DIR everywhere; default ./data/tickstore)
          download --symbols A,B --from yyyy-MM-dd --to yyyy-MM-dd [--chunk-days 30] [--feed iex|sip|otc]
                   [--adjustment raw|split|dividend|all] [--base-url URL]
                   [--requests-per-minute 200]     Alpaca 1-minute bars (keys only from env ALPACA_KEY_ID / ALPACA_SECRET_KEY)
          import   --file data.csv [--append]      bars or quotes CSV (replay layout); each day a new version
          simulate --symbols A,B --from yyyy-MM-dd --to yyyy-MM-dd [--seed 42] [--quotes-per-second 2]
          select   --symbol S --start T --end T [--as-of T] [--kind bars|quotes] [--resample 5m|1h|1d] [--volatility]
          versions --symbol S --date yyyy-MM-dd [--kind bars|quotes] [--audit]
          delete   --symbol S --date yyyy-MM-dd [--kind bars|quotes] [--reason TEXT]
          undelete --symbol S --date yyyy-MM-dd [--kind bars|quotes] [--reason TEXT]
          verify   [--clean]                       check every file; list (and with --clean remove) orphans
        times: yyyy-MM-dd or ISO 8601, UTC; --end is exclusive.
        """;

    /// <summary>Runs one command; returns the exit code. Secrets (the Alpaca key pair) come from the process environment.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, stdout, stderr, Environment.GetEnvironmentVariable, cancellationToken);

    /// <summary>Runs one command with <paramref name="environment"/> as the source of environment variables (tests pass their own).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        if (args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            stdout.WriteLine(Usage);
            return 0;
        }
        try
        {
            var rest = args[1..];
            return args[0] switch
            {
                "download" => await DownloadAsync(rest, stdout, stderr, environment, cancellationToken).ConfigureAwait(false),
                "import" => Import(rest, stdout, stderr),
                "simulate" => Simulate(rest, stdout, stderr),
                "select" => Select(rest, stdout),
                "versions" => Versions(rest, stdout),
                "delete" => Mark(rest, stdout, undelete: false),
                "undelete" => Mark(rest, stdout, undelete: true),
                "verify" => Verify(rest, stdout, stderr),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine(Usage);
            return 2;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled");
            return 1;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or TickstoreCorruptionException or AlpacaRestException
            or ArgumentException or HttpRequestException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static readonly string[] s_common = ["--root"];

    private static CliArguments Parse(string[] args, string[] options, params string[] flags) => new(args, [.. s_common, .. options], flags);

    private static TickStore OpenStore(CliArguments a) => TickStore.Open(a.Optional("--root") ?? TickStoreOptions.DefaultRoot);

    private static SeriesKind Kind(CliArguments a) => a.Optional("--kind") switch
    {
        null or "bars" => SeriesKind.Bars,
        "quotes" => SeriesKind.Quotes,
        var k => throw new UsageException($"bad --kind '{k}': expected bars or quotes"),
    };

    private static T ParseEnum<T>(CliArguments a, string name, T fallback)
        where T : struct, Enum => a.Optional(name) is not { } s ? fallback
        : Enum.TryParse<T>(s, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v
        : throw new UsageException($"bad {name} '{s}': expected one of {string.Join(", ", Enum.GetNames<T>()).ToLowerInvariant()}");

    private static async Task<int> DownloadAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken ct)
    {
        var a = Parse(args, ["--symbols", "--from", "--to", "--chunk-days", "--feed", "--adjustment", "--base-url", "--requests-per-minute"]);
        var request = new DownloadRequest(a.List("--symbols"), a.Date("--from"), a.Date("--to"))
        {
            ChunkDays = a.Int("--chunk-days", 30),
            Feed = a.Optional("--feed") is null ? null : ParseEnum(a, "--feed", DataFeed.Iex),
            Adjustment = ParseEnum(a, "--adjustment", BarAdjustment.Raw),
        };
        if (request.To < request.From) throw new UsageException("--to is before --from");
        var baseUrl = a.Optional("--base-url") ?? "https://data.alpaca.markets/";
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri)) throw new UsageException($"bad --base-url '{baseUrl}'");
        // Secrets only from the environment: a key on the command line would end up in shell history and `ps`.
        var keyId = environment(AlpacaCredentials.KeyIdVariable);
        var secret = environment(AlpacaCredentials.SecretKeyVariable);
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(secret))
        {
            throw new UsageException($"missing Alpaca keys: set {AlpacaCredentials.KeyIdVariable} and {AlpacaCredentials.SecretKeyVariable} in the environment");
        }
        using var store = OpenStore(a);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var client = new AlpacaRestClient(http, new AlpacaRestOptions
        {
            BaseAddress = baseUri,
            Credentials = new AlpacaCredentials(keyId, secret),
            RequestsPerMinute = a.Int("--requests-per-minute", 200),
        });
        var bar = new ProgressBar(stderr);
        var progress = new InlineProgress<DownloadStatus>(s => bar.Draw(
            s.ChunksTotal == 0 ? 1 : (double)s.ChunksDone / s.ChunksTotal,
            $"{s.Symbol} chunk {Math.Min(s.ChunksDone + 1, s.ChunksTotal)}/{s.ChunksTotal}, {s.Bars:N0} bars, {s.Pages} pages{(s.LastTimestamp is { } t ? $", at {t:yyyy-MM-dd HH:mm}" : "")}"));
        var summary = await new HistoryDownloader(client, store).DownloadAsync(request, progress, ct).ConfigureAwait(false);
        bar.Done();
        stdout.WriteLine($"downloaded {summary.Bars} bars in {summary.Pages} pages; {summary.Days} day versions written");
        return 0;
    }

    private static int Import(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = Parse(args, ["--file"], "--append");
        var file = a.Required("--file");
        if (!File.Exists(file)) throw new UsageException($"--file '{file}' does not exist");
        using var store = OpenStore(a);
        using var reader = new StreamReader(file);
        var bar = new ProgressBar(stderr);
        var summary = CsvImport.Import(store, reader, Path.GetFileName(file), a.Flag("--append"),
            new InlineProgress<(int Done, int Total)>(p => bar.Draw(p.Total == 0 ? 1 : (double)p.Done / p.Total, $"{p.Done}/{p.Total} days")));
        bar.Done();
        stdout.WriteLine($"imported {summary.Bars} bars and {summary.Quotes} quotes; {summary.Days} day versions written; {summary.BadRows} bad rows, {summary.Skipped} other rows skipped");
        return summary.BadRows > 0 ? 1 : 0;
    }

    private static int Simulate(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = Parse(args, ["--symbols", "--from", "--to", "--seed", "--quotes-per-second"]);
        var symbols = a.List("--symbols");
        var from = a.Date("--from");
        var to = a.Date("--to");
        if (to < from) throw new UsageException("--to is before --from");
        var seed = a.Int("--seed", 42);
        var options = new SimulatorOptions
        {
            Symbols = SimulatorOptions.ForSymbols(symbols, seed),
            Seed = seed,
            QuotesPerSecond = a.Int("--quotes-per-second", 2) * symbols.Count,
            TradeProbability = 0.5,
        };
        using var store = OpenStore(a);
        var totalDays = (to.DayNumber - from.DayNumber + 1) * symbols.Count;
        var bar = new ProgressBar(stderr);
        var days = SimulatedHistory.Fill(store, options, from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            new InlineProgress<int>(d => bar.Draw((double)d / totalDays, $"{d}/{totalDays} days")));
        bar.Done();
        stdout.WriteLine($"simulated {days} day versions");
        return 0;
    }

    private static int Verify(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = Parse(args, [], "--clean");
        using var store = OpenStore(a);
        var report = store.Verify(a.Flag("--clean"));
        foreach (var c in report.Corrupt) stderr.WriteLine($"corrupt: {c}");
        foreach (var o in report.Orphans) stdout.WriteLine($"orphan: {o}{(a.Flag("--clean") ? " (removed)" : "")}");
        stdout.WriteLine($"{report.FilesChecked} files checked, {report.Corrupt.Count} corrupt, {report.Orphans.Count} orphans, {report.OrphansRemoved} removed");
        return report.Healthy ? 0 : 1;
    }

    /// <summary>Reports on the caller's thread.</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
