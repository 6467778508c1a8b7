using System.Net;
using Serenity.Hocon;

namespace Serenity.Server.Admin;

/// <summary>The <c>serenity.cmd</c> section: where the node's <c>pbm</c> admin listener binds and how it checks tokens.</summary>
public sealed record CmdSettings
{
    /// <summary>The config path of the section.</summary>
    public const string Path = "serenity.cmd";

    /// <summary>The environment variable that holds the admin token.</summary>
    public const string TokenVariable = "SERENITY_ADMIN_TOKEN";

    /// <summary>Whether the node starts the listener at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The address to bind (an IP address or <c>localhost</c>).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port to bind; 0 picks a free one.</summary>
    public int Port { get; init; } = 9110;

    /// <summary>
    /// Whether a loopback listener also insists on the token (a listener on any other address always does).
    /// </summary>
    public bool RequireToken { get; init; }

    /// <summary>Recent log lines kept for <c>log peek</c>/<c>log tail</c>.</summary>
    public int LogBuffer { get; init; } = 1000;

    /// <summary>True when <see cref="Host"/> is a loopback address.</summary>
    public bool IsLoopback => Host == "localhost" || (IPAddress.TryParse(Host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Whether requests must carry the admin token: <see cref="RequireToken"/>, or bound beyond loopback.</summary>
    public bool TokenRequired => RequireToken || !IsLoopback;

    /// <summary>Reads the section from a full config, with defaults for missing keys.</summary>
    public static CmdSettings From(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new CmdSettings();
        const string p = Path + ".";
        var settings = new CmdSettings
        {
            Enabled = config.GetBoolean(p + "enabled", d.Enabled),
            Host = config.GetString(p + "host", d.Host),
            Port = config.GetInt(p + "port", d.Port),
            RequireToken = config.GetBoolean(p + "require-token", d.RequireToken),
            LogBuffer = config.GetInt(p + "log-buffer", d.LogBuffer),
        };
        if (settings.Port is < 0 or > 65535) throw new ConfigException(p + "port", $"{p}port: expected a port number 0-65535");
        if (settings.LogBuffer < 1) throw new ConfigException(p + "log-buffer", $"{p}log-buffer: expected a positive integer");
        if (settings.Host.Length == 0) throw new ConfigException(p + "host", $"{p}host: expected an address");
        return settings;
    }
}
