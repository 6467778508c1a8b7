using System.Globalization;
using Serenity.Tickstore.Format;

namespace Serenity.Tickstore;

/// <summary>File names of the store: <c>YYYY/MM/DD/SYMBOL_vNNNN.bars</c> (symbol percent-escaped, e.g. <c>BTC%2FUSD</c>).</summary>
internal static class StorePaths
{
    public const string IndexFile = "index.db";

    public static string Extension(SeriesKind kind) => kind == SeriesKind.Bars ? ".bars" : ".quotes";

    /// <summary>The path relative to the root, with forward slashes (as the index stores it).</summary>
    public static string Relative(SeriesKind kind, string symbol, DateOnly date, int version) => string.Create(
        CultureInfo.InvariantCulture,
        $"{date.Year:D4}/{date.Month:D2}/{date.Day:D2}/{Uri.EscapeDataString(symbol)}_v{version:D4}{Extension(kind)}");

    public static string Full(string root, string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Throws when <paramref name="symbol"/> cannot name a series.</summary>
    public static void Validate(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (symbol.Length > 64 || symbol.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException($"symbol '{symbol}' must be 1..64 characters without spaces or control characters", nameof(symbol));
        }
    }
}
