using Serenity.Cmd.Interactive;
using Serenity.Cmd.Output;
using Serenity.Cmd.Parsing;

namespace Serenity.Cmd;

/// <summary><c>pbm [host:port] &lt;palette&gt; &lt;command&gt; [options]</c>: parse, run, exit code.</summary>
public static class Pbm
{
    /// <summary>Runs <c>pbm</c> with <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, PbmIo io, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(io);
        var console = ConsoleFactory.Create(io.Out, io.Terminal);
        return CommandLineParser.Parse(args) switch
        {
            RunCommand run => await CommandRunner.RunAsync(run.Invocation, io, console, cancellationToken),
            ShowHelp help => CommandRunner.Help(help, console),
            StartInteractive start => await InteractiveShell.RunAsync(start.Endpoint, io, console, LineSources.For(io), cancellationToken),
            UsageError error => await CommandRunner.UsageAsync(error.Message, io),
            var other => throw new InvalidOperationException("unexpected parse result " + other),
        };
    }
}
