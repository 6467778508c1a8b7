using System.Globalization;

namespace Serenity.Tickstore.Cli;

/// <summary>A bad command line: the message names the argument; the CLI exits with code 2.</summary>
public sealed class UsageException : Exception
{
    /// <summary>An exception with no message.</summary>
    public UsageException()
    {
    }

    /// <summary>An exception naming the bad argument.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>An exception naming the bad argument, caused by <paramref name="inner"/>.</summary>
    public UsageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary><c>--name value</c> options and <c>--flag</c>s of one subcommand; rejects unknown ones.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public CliArguments(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (flags.Contains(a)) _flags.Add(a);
            else if (options.Contains(a))
            {
                if (i + 1 >= args.Count) throw new UsageException($"{a} needs a value");
                _values[a] = args[++i];
            }
            else throw new UsageException($"unknown argument '{a}'");
        }
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Optional(name) ?? throw new UsageException($"missing {name}");

    public int Int(string name, int fallback) => Optional(name) is not { } s ? fallback
        : int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v
        : throw new UsageException($"bad {name} '{s}': expected a positive integer");

    public DateOnly Date(string name) => ParseDate(name, Required(name));

    /// <summary>A UTC time: <c>yyyy-MM-dd</c> (midnight) or ISO 8601.</summary>
    public DateTime Time(string name) => ParseTime(name, Required(name));

    public DateTime? OptionalTime(string name) => Optional(name) is { } s ? ParseTime(name, s) : null;

    public static DateOnly ParseDate(string name, string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new UsageException($"bad {name} '{s}': expected yyyy-MM-dd");

    public static DateTime ParseTime(string name, string s) =>
        DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t
        : throw new UsageException($"bad {name} '{s}': expected yyyy-MM-dd or an ISO 8601 time");

    public List<string> List(string name) =>
        [.. Required(name).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
