using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Serenity.Hocon;

namespace Serenity.Server.Hosting;

/// <summary>Builds the node's HOCON from its layers (see <see cref="SerenityHostOptions"/>).</summary>
public static class ServerConfiguration
{
    /// <summary>Environment variables with this prefix override keys: <c>SERENITY__SERVER__URLS</c> sets <c>serenity.server.urls</c>.</summary>
    public const string EnvironmentPrefix = "SERENITY__";

    /// <summary>The merged configuration (the kernel's reference defaults are added by the actor system).</summary>
    public static Config Load(SerenityHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = ConfigurationFactory.Empty;
        if (options.ConfigFile is { } file)
        {
            if (!File.Exists(file)) throw new ConfigException("--config", $"--config: file not found: {file}");
            config = ConfigurationFactory.ParseFile(file);
        }
        if (options.UseEnvironment && FromEnvironment(Environment.GetEnvironmentVariables()) is { Length: > 0 } env)
        {
            config = ConfigurationFactory.ParseString(env, "environment").WithFallback(config);
        }
        if (!string.IsNullOrWhiteSpace(options.Hocon))
        {
            config = ConfigurationFactory.ParseString(options.Hocon, "options").WithFallback(config);
        }
        var top = new StringBuilder();
        if (options.DataDirectory is { } dir)
        {
            var db = Quote(Path.Combine(Path.GetFullPath(dir), "serenity.db"));
            top.AppendLine(CultureInfo.InvariantCulture, $"serenity.persistence.journal.sqlite.path = {db}");
            top.AppendLine(CultureInfo.InvariantCulture, $"serenity.persistence.snapshot-store.sqlite.path = {db}");
            // The tickstore lives beside the journal unless a layer places it elsewhere.
            if (!config.HasPath("serenity.tickstore.root"))
            {
                top.AppendLine(CultureInfo.InvariantCulture, $"serenity.tickstore.root = {Quote(Path.Combine(Path.GetFullPath(dir), "tickstore"))}");
            }
        }
        if (options.Urls is { } urls) top.AppendLine(CultureInfo.InvariantCulture, $"serenity.server.urls = {Quote(urls)}");
        // hocon/serenity.conf sets trading.symbols = ${serenity.market-data.symbols}, resolved inside the reference
        // file: a node that configures other market-data symbols trades those unless it says otherwise.
        if (config.HasPath("serenity.market-data.symbols") && !config.HasPath("serenity.trading.symbols"))
        {
            var symbols = config.GetStringList("serenity.market-data.symbols");
            top.AppendLine(CultureInfo.InvariantCulture, $"serenity.trading.symbols = [{string.Join(", ", symbols.Select(Quote))}]");
        }
        return top.Length > 0 ? ConfigurationFactory.ParseString(top.ToString(), "command line").WithFallback(config) : config;
    }

    /// <summary>
    /// HOCON from <c>SERENITY__A__B_C=value</c> variables: <c>serenity.a.b-c = "value"</c> (a value starting with
    /// <c>[</c> is taken as a HOCON list). Single-underscore names such as <c>SERENITY_TOKEN_SECRET</c> are not keys.
    /// </summary>
    public static string FromEnvironment(IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var text = new StringBuilder();
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is not string name || !name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)) continue;
            var parts = name[EnvironmentPrefix.Length..].Split("__", StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            var key = "serenity." + string.Join('.', parts.Select(p => p.ToLowerInvariant().Replace('_', '-')));
            var value = entry.Value as string ?? "";
            text.AppendLine(CultureInfo.InvariantCulture, $"{key} = {(value.TrimStart().StartsWith('[') ? value : Quote(value))}");
        }
        return text.ToString();
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
