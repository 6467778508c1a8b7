using System.Text.Json;
using Serenity.Cmd.Client;
using Serenity.Cmd.Output;
using Serenity.Cmd.Parsing;
using Spectre.Console;

namespace Serenity.Cmd;

/// <summary>Runs one parsed command against its node and maps the outcome to an exit code.</summary>
internal static class CommandRunner
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Runs <paramref name="invocation"/>; a streaming command runs until <paramref name="cancellationToken"/> is cancelled (exit 0).</summary>
    public static async Task<int> RunAsync(Invocation invocation, PbmIo io, IAnsiConsole console, CancellationToken cancellationToken)
    {
        using var client = new AdminClient(invocation.Endpoint, io.Token, io.Timeout);
        var handler = invocation.Command.Handler;
        var request = handler.Request(invocation);
        try
        {
            if (handler.Streams)
            {
                await foreach (var item in client.StreamAsync(request, cancellationToken))
                {
                    if (invocation.Json) await io.Out.WriteLineAsync(item.GetRawText());
                    else handler.Render(console, item);
                    await io.Out.FlushAsync(CancellationToken.None);
                }
                return ExitCodes.Ok;
            }
            var answer = await client.SendAsync(request, cancellationToken);
            if (invocation.Json) await io.Out.WriteLineAsync(JsonSerializer.Serialize(answer, Indented));
            else handler.Render(console, answer);
            return ExitCodes.Ok;
        }
        catch (NodeUnreachableException e)
        {
            await io.Error.WriteLineAsync($"pbm: {invocation.Name}: {e.Message}");
            return ExitCodes.Unreachable;
        }
        catch (CommandFailedException e)
        {
            await io.Error.WriteLineAsync($"pbm: {invocation.Name} failed: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
    }

    /// <summary>Prints a usage error and the hint to get help; returns <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> UsageAsync(string message, PbmIo io)
    {
        await io.Error.WriteLineAsync("pbm: " + message);
        await io.Error.WriteLineAsync("Run 'pbm help' for the palettes and commands.");
        return ExitCodes.Usage;
    }

    /// <summary>Prints help; returns <see cref="ExitCodes.Ok"/>.</summary>
    public static int Help(ShowHelp help, IAnsiConsole console)
    {
        HelpWriter.Write(console, help.Palette, help.Command);
        return ExitCodes.Ok;
    }
}
