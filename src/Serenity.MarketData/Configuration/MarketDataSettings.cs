using System.Globalization;
using Serenity.Hocon;
using Serenity.MarketData.Alpaca;
using Serenity.MarketData.Alpaca.Rest;
using Serenity.MarketData.Bars;
using Serenity.MarketData.Cleaning;
using Serenity.MarketData.Graph;
using Serenity.MarketData.Simulation;
using Serenity.Streams.FairBucket;

namespace Serenity.MarketData.Configuration;

/// <summary>Where market data comes from.</summary>
public enum MarketDataSourceKind
{
    /// <summary>The built-in simulator (no account, no network).</summary>
    Simulator,

    /// <summary>Alpaca's real-time stream.</summary>
    Alpaca,

    /// <summary>Stored CSV files.</summary>
    Replay,
}

/// <summary>
/// <c>serenity.market-data</c> read once from HOCON (hocon/serenity.conf holds every default with a comment).
/// A bad value stops start-up with its key, where it was set and what was expected.
/// </summary>
public sealed record MarketDataSettings
{
    /// <summary>The config path.</summary>
    public const string Path = "serenity.market-data";

    /// <summary>The source.</summary>
    public required MarketDataSourceKind Source { get; init; }

    /// <summary>The symbols followed.</summary>
    public required IReadOnlyList<string> Symbols { get; init; }

    /// <summary>Alpaca feed (iex or sip).</summary>
    public required DataFeed Feed { get; init; }

    /// <summary>Stream endpoint (with the feed).</summary>
    public required Uri StreamUri { get; init; }

    /// <summary>Data REST base.</summary>
    public required Uri DataUri { get; init; }

    /// <summary>The key pair, when both environment variables are set.</summary>
    public AlpacaCredentials? Credentials { get; init; }

    /// <summary>Channels subscribed for every symbol.</summary>
    public required IReadOnlyList<StreamChannel> Channels { get; init; }

    /// <summary>REST requests per minute.</summary>
    public required int RestRequestsPerMinute { get; init; }

    /// <summary>REST retries after a 429.</summary>
    public required int RestMaxRetries { get; init; }

    /// <summary>Reconnect backoff.</summary>
    public required ReconnectBackoff Backoff { get; init; }

    /// <summary>Least wait after a 406.</summary>
    public required TimeSpan ConnectionLimitBackoff { get; init; }

    /// <summary>Silence that counts as a dead connection.</summary>
    public required TimeSpan StallTimeout { get; init; }

    /// <summary>WebSocket ping interval.</summary>
    public required TimeSpan KeepAlive { get; init; }

    /// <summary>Messages buffered between socket and graph.</summary>
    public required int BufferSize { get; init; }

    /// <summary>The simulator.</summary>
    public required SimulatorOptions Simulator { get; init; }

    /// <summary>CSV files replayed.</summary>
    public required IReadOnlyList<string> ReplayFiles { get; init; }

    /// <summary>Replay speed (0: as fast as possible).</summary>
    public required double ReplaySpeed { get; init; }

    /// <summary>Cleaning, bucket and bars.</summary>
    public required MarketDataGraphSettings Graph { get; init; }

    /// <summary>Reads <c>serenity.market-data</c> (and <c>serenity.streams.fair-bucket</c>) from a full config.</summary>
    public static MarketDataSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = new Reader(config);
        var symbols = config.GetStringList(Path + ".symbols");
        var feed = c.Enum<DataFeed>("alpaca.feed");
        var source = c.Enum<MarketDataSourceKind>("source");
        return new MarketDataSettings
        {
            Source = source,
            Symbols = symbols,
            Feed = feed,
            StreamUri = new Uri(c.Uri("alpaca.stream-url").ToString().TrimEnd('/') + "/" + feed.ToString().ToLowerInvariant()),
            DataUri = c.Uri("alpaca.data-url"),
            Credentials = ReadCredentials(config),
            Channels = [.. config.GetStringList(Path + ".alpaca.channels").Select(s => c.Channel(s))],
            RestRequestsPerMinute = c.Positive("alpaca.rest-requests-per-minute"),
            RestMaxRetries = config.GetInt(Path + ".alpaca.rest-max-retries"),
            Backoff = new ReconnectBackoff(
                c.Duration("alpaca.reconnect.min-backoff"),
                c.Duration("alpaca.reconnect.max-backoff"),
                config.GetDouble(Path + ".alpaca.reconnect.multiplier"),
                c.Fraction("alpaca.reconnect.jitter")),
            ConnectionLimitBackoff = c.Duration("alpaca.reconnect.connection-limit-backoff"),
            StallTimeout = c.Duration("alpaca.stall-timeout"),
            KeepAlive = c.Duration("alpaca.keep-alive"),
            BufferSize = c.Positive("alpaca.buffer-size"),
            Simulator = new SimulatorOptions
            {
                Seed = config.GetLong(Path + ".simulator.seed"),
                Symbols = SimulatorOptions.ForSymbols(symbols, config.GetLong(Path + ".simulator.seed")),
                QuotesPerSecond = c.PositiveDouble("simulator.quotes-per-second"),
                TradeProbability = c.Fraction("simulator.trade-probability"),
                Correlation = c.Fraction("simulator.correlation"),
                BurstProbability = c.Fraction("simulator.burst-probability"),
                MeanBurstLength = c.Positive("simulator.mean-burst-length"),
            },
            ReplayFiles = config.GetStringList(Path + ".replay.files"),
            ReplaySpeed = config.GetDouble(Path + ".replay.speed"),
            Graph = new MarketDataGraphSettings
            {
                Cleaning = new CleaningOptions
                {
                    CheckClock = config.GetBoolean(Path + ".cleaning.check-clock") && source != MarketDataSourceKind.Replay,
                    MaxFutureSkew = c.Duration("cleaning.max-future-skew"),
                    MaxAge = c.Duration("cleaning.max-age"),
                    OutOfOrderTolerance = c.Duration("cleaning.out-of-order-tolerance"),
                    AllowLocked = config.GetBoolean(Path + ".cleaning.allow-locked"),
                    Universe = config.GetBoolean(Path + ".cleaning.only-known-symbols") ? symbols.ToHashSet(StringComparer.Ordinal) : null,
                },
                Bucket = FairLeakyBucketSettings.Create(config),
                Bars = new BarOptions
                {
                    Interval = c.Duration("bars.interval"),
                    AllowedLateness = c.Duration("bars.allowed-lateness"),
                    WatermarkDelay = c.Duration("bars.watermark-delay"),
                    EmitEmptyBars = config.GetBoolean(Path + ".bars.emit-empty-bars"),
                },
                BarTick = c.Duration("bars.clock-tick"),
                BarClockDelay = c.Duration("bars.clock-delay"),
            },
        };
    }

    // The secret is read here and nowhere printed: the settings' ToString shows only the redacted credentials.
    private static AlpacaCredentials? ReadCredentials(Config config)
    {
        var key = config.GetString(Path + ".alpaca.key-id", "");
        var secret = config.GetString(Path + ".alpaca.secret-key", "");
        return key.Length > 0 && secret.Length > 0 ? new AlpacaCredentials(key, secret) : null;
    }

    private sealed class Reader(Config config)
    {
        public T Enum<T>(string key) where T : struct, Enum
        {
            var text = config.GetString(Path + "." + key);
            return System.Enum.TryParse<T>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var value) && System.Enum.IsDefined(value)
                ? value
                : throw Invalid(key, string.Join(" | ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant())), text);
        }

        public StreamChannel Channel(string text) =>
            StreamChannels.All.FirstOrDefault(c => c.WireName() == text, (StreamChannel)(-1)) is var channel && channel >= 0
                ? channel
                : throw Invalid("alpaca.channels", string.Join(", ", StreamChannels.All.Select(c => c.WireName())), text);

        public Uri Uri(string key)
        {
            var text = config.GetString(Path + "." + key);
            return System.Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw Invalid(key, "an absolute URL", text);
        }

        public TimeSpan Duration(string key)
        {
            var value = config.GetTimeSpan(Path + "." + key);
            return value >= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan ? value : throw Invalid(key, "a duration >= 0", value.ToString());
        }

        public int Positive(string key)
        {
            var value = config.GetInt(Path + "." + key);
            return value > 0 ? value : throw Invalid(key, "a positive integer", value.ToString(CultureInfo.InvariantCulture));
        }

        public double PositiveDouble(string key)
        {
            var value = config.GetDouble(Path + "." + key);
            return value > 0 ? value : throw Invalid(key, "a positive number", value.ToString(CultureInfo.InvariantCulture));
        }

        public double Fraction(string key)
        {
            var value = config.GetDouble(Path + "." + key);
            return value is >= 0 and <= 1 ? value : throw Invalid(key, "a number from 0 to 1", value.ToString(CultureInfo.InvariantCulture));
        }

        private ConfigException Invalid(string key, string expected, string found) =>
            new(Path + "." + key, $"{Path}.{key}{(config.OriginOf(Path + "." + key) is { } origin ? " at " + origin : "")}: expected {expected}, found '{found}'");
    }
}
