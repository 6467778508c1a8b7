using Serenity.Backtest.Cli;
using Serenity.Tickstore.Cli;

namespace Serenity.Server.Hosting;

/// <summary>
/// The server executable's subcommands (<c>serenity tickstore ...</c>, <c>serenity backtest ...</c>): the first
/// argument picks one, the rest go to it unchanged and its exit code is the process's. Adding a subcommand is one
/// entry in <see cref="All"/>.
/// </summary>
public static class Subcommands
{
    /// <summary>Runs a subcommand: its arguments (without its name), standard output, standard error; returns the exit code.</summary>
    public delegate Task<int> Runner(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken);

    /// <summary>A subcommand: its name, a one-line summary for <c>--help</c>, and what runs it.</summary>
    public sealed record Subcommand(string Name, string Summary, Runner Run);

    /// <summary>Every subcommand, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<Subcommand> All { get; } =
    [
        new("tickstore", "the bitemporal bar/quote store: download, import, simulate, select, versions, delete, undelete, verify",
            (args, stdout, stderr, ct) => TickstoreCli.RunAsync(args, stdout, stderr, ct)),
        new("backtest", "replay stored bars through the live Trading, Risk and strategy actors and write a report",
            (args, stdout, stderr, ct) => BacktestCli.RunAsync(args, stdout, stderr, ct)),
    ];

    /// <summary>The subcommand named by the first argument, or null when the arguments are the server's own options.</summary>
    public static Subcommand? Find(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count == 0 ? null : All.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.Ordinal));
    }

    /// <summary>The lines <c>--help</c> shows for the subcommands.</summary>
    public static string HelpText() =>
        string.Join(Environment.NewLine, All.Select(c => $"  {c.Name,-10} {c.Summary}"));
}
