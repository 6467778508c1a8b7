using System.Globalization;
using Serenity.Tickstore;
using Serenity.Tickstore.Cli;

namespace Serenity.Backtest.Cli;

/// <summary>The parsed command line of <c>serenity backtest</c>; every error is a <see cref="UsageException"/> naming the argument.</summary>
internal sealed record BacktestArguments(BacktestOptions Options, string Root, string Out)
{
    private static readonly string[] Known = ["--strategy", "--symbols", "--from", "--to", "--as-of", "--quantity", "--cash", "--spread", "--root", "--out"];

    public static BacktestArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!Known.Contains(a)) throw new UsageException($"unknown argument '{a}'");
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"{a} needs a value");
            if (!values.TryAdd(a, args[++i])) throw new UsageException($"{a} given twice");
        }
        string Required(string name) => values.GetValueOrDefault(name) ?? throw new UsageException($"missing {name}");
        var symbols = Required("--symbols").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (symbols.Length == 0) throw new UsageException("bad --symbols: expected a comma-separated list such as AAPL,MSFT");
        var options = new BacktestOptions
        {
            Strategy = values.GetValueOrDefault("--strategy") ?? "sma-cross",
            Symbols = symbols,
            From = Time("--from", Required("--from")),
            To = Time("--to", Required("--to")),
            AsOf = values.TryGetValue("--as-of", out var asOf) ? new DateTimeOffset(Time("--as-of", asOf)) : null,
            Quantity = Number(values, "--quantity", 100m),
            Cash = Number(values, "--cash", 100_000m),
            SpreadBasisPoints = Number(values, "--spread", 2m),
        };
        try
        {
            options = options.Validated();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"bad --{e.ParamName}: {StripParam(e)}", e);
        }
        return new BacktestArguments(options, values.GetValueOrDefault("--root") ?? TickStoreOptions.DefaultRoot, values.GetValueOrDefault("--out") ?? "./backtest-out");
    }

    /// <summary>The exception's message without the " (Parameter 'x')" suffix.</summary>
    public static string StripParam(ArgumentException e)
    {
        var suffix = $" (Parameter '{e.ParamName}')";
        return e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
    }

    private static DateTime Time(string name, string s) =>
        DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? DateTime.SpecifyKind(t, DateTimeKind.Utc)
            : throw new UsageException($"bad {name} '{s}': expected yyyy-MM-dd or an ISO 8601 time (UTC)");

    private static decimal Number(Dictionary<string, string> values, string name, decimal fallback) =>
        !values.TryGetValue(name, out var s) ? fallback
        : decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v
        : throw new UsageException($"bad {name} '{s}': expected a non-negative number");
}
