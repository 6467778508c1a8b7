using Serenity.Cmd.Client;
using Serenity.Cmd.Commands;
using Serenity.Cmd.Completion;
using Serenity.Cmd.Output;
using Serenity.Cmd.Parsing;
using Spectre.Console;

namespace Serenity.Cmd.Interactive;

/// <summary>
/// <c>pbm [host:port]</c> with no command: checks the node is there, then reads commands (<c>&lt;palette&gt;
/// &lt;command&gt; [options]</c>, <c>help</c>, <c>exit</c>) until exit or end of input. Ctrl-C stops a streaming
/// command and returns to the prompt.
/// </summary>
internal static class InteractiveShell
{
    /// <summary>Runs the prompt; returns 0 at exit, 3 when the node cannot be reached at the start.</summary>
    public static async Task<int> RunAsync(Endpoint endpoint, PbmIo io, IAnsiConsole console, ILineSource lines, CancellationToken cancellationToken)
    {
        using (var client = new AdminClient(endpoint, io.Token, io.Timeout))
        {
            try
            {
                var system = await client.SendAsync(NodeRequest.Get("system"), cancellationToken);
                Show.Line(console, $"Connected to {endpoint} (actor system {Show.Text(Show.Property(system, "name"))}). Type help for the palettes, Tab to complete, exit to leave.");
            }
            catch (NodeUnreachableException e)
            {
                await io.Error.WriteLineAsync("pbm: " + e.Message);
                return ExitCodes.Unreachable;
            }
            catch (CommandFailedException e)
            {
                await io.Error.WriteLineAsync($"pbm: {endpoint} refused: {e.Message}");
                return ExitCodes.Failed;
            }
        }
        var prompt = $"pbm {endpoint}> ";
        while (!cancellationToken.IsCancellationRequested)
        {
            var line = lines.ReadLine(prompt);
            if (line is null) break;
            var words = Tokenizer.Split(line);
            if (words.Count == 0) continue;
            if (words is ["exit"] or ["quit"]) break;
            switch (CommandLineParser.ParseCommand(words, endpoint))
            {
                case RunCommand run:
                    using (var command = ConsoleCancel.ForCommand(cancellationToken))
                    {
                        await CommandRunner.RunAsync(run.Invocation, io, console, command.Token);
                    }
                    break;
                case ShowHelp help:
                    CommandRunner.Help(help, console);
                    break;
                case UsageError error:
                    await io.Error.WriteLineAsync("pbm: " + error.Message);
                    break;
            }
        }
        return ExitCodes.Ok;
    }
}
