namespace Serenity.Backtest;

/// <summary>
/// What one backtest runs: a strategy on symbols over [<see cref="From"/>, <see cref="To"/>) of stored minute bars, read
/// as the store was at <see cref="AsOf"/> (null: as it is now). The same options on the same store content give the same
/// report, byte for byte.
/// </summary>
public sealed record BacktestOptions
{
    /// <summary>The user the backtest trades as (its account, portfolio, risk entity and strategy runner).</summary>
    public const string DefaultUser = "backtest";

    /// <summary>The strategy's catalog name (<c>sma-cross</c>).</summary>
    public string Strategy { get; init; } = "sma-cross";

    /// <summary>The symbols traded (upper-cased, each once; replayed in ordinal order within a minute).</summary>
    public IReadOnlyList<string> Symbols { get; init; } = [];

    /// <summary>First bar time included (UTC).</summary>
    public DateTime From { get; init; }

    /// <summary>First bar time excluded (UTC).</summary>
    public DateTime To { get; init; }

    /// <summary>Read the store as it was at this recorded time (null: now).</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Shares each entry buys.</summary>
    public decimal Quantity { get; init; } = 100m;

    /// <summary>The paper account's starting cash.</summary>
    public decimal Cash { get; init; } = 100_000m;

    /// <summary>Synthetic quote spread around each bar's close, in basis points of the close (bid = close - half, ask = close + half).</summary>
    public decimal SpreadBasisPoints { get; init; } = 2m;

    /// <summary>The user id the backtest trades as.</summary>
    public string User { get; init; } = DefaultUser;

    /// <summary>Returns the options with symbols normalized, or throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public BacktestOptions Validated()
    {
        var symbols = Symbols.Select(s => (s ?? "").Trim().ToUpperInvariant()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        if (symbols.Count == 0) throw new ArgumentException("at least one symbol is required", "symbols");
        if (symbols.FirstOrDefault(s => s.Any(c => char.IsWhiteSpace(c) || c == '"' || c == '\\')) is { } bad)
            throw new ArgumentException($"bad symbol '{bad}'", "symbols");
        if (string.IsNullOrWhiteSpace(Strategy)) throw new ArgumentException("a strategy is required", "strategy");
        if (From.Kind != DateTimeKind.Utc || To.Kind != DateTimeKind.Utc) throw new ArgumentException("from and to must be UTC", "from");
        if (To <= From) throw new ArgumentException("to must be after from", "to");
        if (Quantity <= 0m || decimal.Truncate(Quantity) != Quantity) throw new ArgumentException("quantity must be a whole number greater than zero", "quantity");
        if (Cash <= 0m) throw new ArgumentException("cash must be greater than zero", "cash");
        if (SpreadBasisPoints < 0m || SpreadBasisPoints >= 10_000m) throw new ArgumentException("spread must be at least 0 and below 10000 basis points", "spread");
        if (string.IsNullOrWhiteSpace(User) || User.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
            throw new ArgumentException("user must be letters, digits, '-' or '_'", "user");
        return this with { Symbols = symbols, Strategy = Strategy.Trim().ToLowerInvariant() };
    }
}
