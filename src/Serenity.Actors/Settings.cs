using System.Globalization;
using Serenity.Hocon;

namespace Serenity.Actors;

/// <summary>The kernel's settings, read once from HOCON (<c>hocon/serenity.conf</c> holds every default).</summary>
public sealed class Settings
{
    /// <summary>Config path of the default dispatcher.</summary>
    public const string DefaultDispatcherId = "serenity.actor.default-dispatcher";

    private static readonly Lazy<Config> s_reference = new(() =>
        ConfigurationFactory.FromEmbeddedResource(typeof(Settings).Assembly, "serenity.conf"));

    /// <summary>Reads settings from <paramref name="config"/> (already merged with the defaults).</summary>
    public Settings(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        Provider = config.GetString("serenity.actor.provider");
        if (Provider is not ("local" or "cluster"))
        {
            throw Invalid(config, "serenity.actor.provider", "'local' or 'cluster'", Provider);
        }
        DefaultThroughput = config.GetInt(DefaultDispatcherId + ".throughput");
        if (DefaultThroughput < 1)
        {
            throw Invalid(config, DefaultDispatcherId + ".throughput", "a positive integer", DefaultThroughput.ToString(CultureInfo.InvariantCulture));
        }
        AskTimeout = config.GetTimeSpan("serenity.actor.ask-timeout");
        LogLevel = ParseLogLevel(config, "serenity.loglevel");
        StdoutLogLevel = ParseLogLevel(config, "serenity.stdout-loglevel");
        LogDeadLetters = config.GetString("serenity.log-dead-letters") is "off" or "false" ? 0 : config.GetInt("serenity.log-dead-letters");
        LogDeadLettersDuringShutdown = config.GetBoolean("serenity.log-dead-letters-during-shutdown");
        DebugUnhandled = config.GetBoolean("serenity.actor.debug.unhandled");
    }

    /// <summary>The defaults embedded from <c>hocon/serenity.conf</c>.</summary>
    public static Config Reference => s_reference.Value;

    /// <summary>The full configuration.</summary>
    public Config Config { get; }

    /// <summary><c>local</c> or <c>cluster</c>.</summary>
    public string Provider { get; }

    /// <summary>Messages per mailbox turn on the default dispatcher.</summary>
    public int DefaultThroughput { get; }

    /// <summary>Timeout of an Ask that names none.</summary>
    public TimeSpan AskTimeout { get; }

    /// <summary>Lowest level published on the event stream.</summary>
    public LogLevel LogLevel { get; }

    /// <summary>Lowest level printed to standard output.</summary>
    public LogLevel StdoutLogLevel { get; }

    /// <summary>How many dead letters are logged (0: none).</summary>
    public int LogDeadLetters { get; }

    /// <summary>Whether dead letters are logged while the system shuts down.</summary>
    public bool LogDeadLettersDuringShutdown { get; }

    /// <summary>Whether unhandled messages are logged at debug level.</summary>
    public bool DebugUnhandled { get; }

    /// <summary>The mailbox for <paramref name="props"/>: its own, one configured by id, or unbounded.</summary>
    public MailboxSettings MailboxFor(Props props)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (props.Mailbox is { } m) return m;
        if (props.MailboxId is not { } id) return MailboxSettings.Unbounded;
        var path = "serenity.actor.mailboxes." + id;
        if (!Config.HasPath(path)) throw new ArgumentException($"Mailbox [{id}] is not configured (no {path})", nameof(props));
        var type = Config.GetString(path + ".mailbox-type");
        return type switch
        {
            "unbounded" => MailboxSettings.Unbounded,
            "bounded" => new MailboxSettings(Config.GetInt(path + ".mailbox-capacity")),
            _ => throw Invalid(Config, path + ".mailbox-type", "'bounded' or 'unbounded'", type),
        };
    }

    private static LogLevel ParseLogLevel(Config config, string path)
    {
        var text = config.GetString(path);
        return text.ToUpperInvariant() switch
        {
            "DEBUG" => LogLevel.Debug,
            "INFO" => LogLevel.Info,
            "WARNING" or "WARN" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "OFF" => LogLevel.Off,
            _ => throw Invalid(config, path, "DEBUG, INFO, WARNING, ERROR or OFF", text),
        };
    }

    /// <summary>A bad value: names the key, where it was set (file:line) and what was expected.</summary>
    private static ConfigException Invalid(Config config, string path, string expected, string found) =>
        new(path, $"{path}{(config.OriginOf(path) is { } origin ? " at " + origin : "")}: expected {expected}, found '{found}'");
}
