using System.Globalization;
using Serenity.Hocon;
using Serenity.Risk.Measures;

namespace Serenity.Risk.Checks;

/// <summary>The <c>serenity.risk</c> section: window length, the VaR the pre-trade check limits, and limits per account.</summary>
/// <param name="WindowLength">Returns per rolling window (N).</param>
/// <param name="CheckMethod">The VaR method the max-VaR check uses.</param>
/// <param name="CheckConfidence">The VaR confidence the max-VaR check uses.</param>
/// <param name="DefaultLimits">Limits of accounts without their own entry.</param>
/// <param name="AccountLimits">Per-account limits (each key falls back to the default).</param>
public sealed record RiskSettings(
    int WindowLength,
    VarMethod CheckMethod,
    VarConfidence CheckConfidence,
    RiskLimits DefaultLimits,
    IReadOnlyDictionary<string, RiskLimits> AccountLimits)
{
    private const string Prefix = "serenity.risk.";

    /// <summary>The built-in defaults (what an empty config gives).</summary>
    public static RiskSettings Default { get; } = From(ConfigurationFactory.Empty);

    /// <summary>The limits that apply to <paramref name="account"/>.</summary>
    public RiskLimits LimitsFor(string account) => AccountLimits.GetValueOrDefault(account) ?? DefaultLimits;

    /// <summary>Reads the section, with defaults for missing keys; a limit may be <c>none</c>.</summary>
    /// <exception cref="ConfigException">A value has the wrong type or is out of range.</exception>
    public static RiskSettings From(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var window = config.GetInt(Prefix + "window", 60);
        if (window < 2) throw new ConfigException(Prefix + "window", $"{Prefix}window must be at least 2, got {window}");
        var method = config.GetString(Prefix + "check.var-method", "historical") switch
        {
            "historical" => VarMethod.Historical,
            "parametric" => VarMethod.Parametric,
            var other => throw new ConfigException(Prefix + "check.var-method", $"{Prefix}check.var-method must be historical or parametric, got '{other}'"),
        };
        var confidence = config.GetString(Prefix + "check.var-confidence", "95") switch
        {
            "95" or "0.95" => VarConfidence.Percent95,
            "99" or "0.99" => VarConfidence.Percent99,
            var other => throw new ConfigException(Prefix + "check.var-confidence", $"{Prefix}check.var-confidence must be 95 or 99, got '{other}'"),
        };
        var defaults = ReadLimits(config, Prefix + "limits.", new RiskLimits(100_000m, 250_000m, 5_000m));
        var accounts = new Dictionary<string, RiskLimits>(StringComparer.Ordinal);
        var section = config.GetConfig(Prefix + "accounts");
        foreach (var account in section.Keys)
        {
            accounts[account] = ReadLimits(config, $"{Prefix}accounts.\"{account}\".", defaults);
        }
        return new RiskSettings(window, method, confidence, defaults, accounts);
    }

    private static RiskLimits ReadLimits(Config config, string prefix, RiskLimits fallback) => new(
        Limit(config, prefix + "max-order-value", fallback.MaxOrderValue),
        Limit(config, prefix + "max-position-value", fallback.MaxPositionValue),
        Limit(config, prefix + "max-var-after-trade", fallback.MaxVarAfterTrade));

    private static decimal? Limit(Config config, string path, decimal? fallback)
    {
        if (!config.HasPath(path)) return fallback;
        if (string.Equals(config.GetString(path), "none", StringComparison.OrdinalIgnoreCase)) return null;
        var value = config.GetDecimal(path);
        if (value < 0m)
        {
            throw new ConfigException(path, string.Create(CultureInfo.InvariantCulture, $"{path} must be a non-negative amount or none, got {value}"));
        }
        return value;
    }
}
