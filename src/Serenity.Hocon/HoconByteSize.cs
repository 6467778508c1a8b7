namespace Serenity.Hocon;

/// <summary>
/// Size-in-bytes syntax from the HOCON specification: "kB"/"KB"/"MB"... are powers of 1000,
/// "K"/"k"/"Ki"/"KiB"... are powers of 1024; a bare number is bytes.
/// </summary>
internal static class HoconByteSize
{
    private static readonly Dictionary<string, decimal> BytesPerUnit = Build();

    /// <summary>Parses e.g. "512", "10K", "1.5 MiB", "2 GB"; fractions of a byte are truncated.</summary>
    public static bool TryParse(string text, out long value)
    {
        value = 0;
        if (!HoconUnitNumber.TrySplit(text, out var number, out var unit) || !BytesPerUnit.TryGetValue(unit, out var factor))
        {
            return false;
        }

        try
        {
            var bytes = decimal.Truncate(number * factor);
            if (bytes > long.MaxValue || bytes < long.MinValue)
            {
                return false;
            }

            value = (long)bytes;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static Dictionary<string, decimal> Build()
    {
        var table = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal bytes, params string[] names)
        {
            foreach (var name in names)
            {
                table[name] = bytes;
            }
        }

        Add(1m, string.Empty, "B", "b", "byte", "bytes");
        string[] decimalPrefixes = ["k", "M", "G", "T", "P", "E"];
        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi"];
        var thousand = 1m;
        var kibi = 1m;
        for (var i = 0; i < decimalPrefixes.Length; i++)
        {
            thousand *= 1000m;
            kibi *= 1024m;
            var upper = decimalPrefixes[i].ToUpperInvariant();
            var lower = decimalPrefixes[i].ToLowerInvariant();
            Add(thousand, decimalPrefixes[i] + "B", upper + "B", decimalNames[i] + "byte", decimalNames[i] + "bytes");
            Add(kibi, upper, lower, upper + "i", upper + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes");
        }

        return table;
    }
}
