using Serenity.Cluster.Provider;
using Serenity.Cluster.RabbitMq;
using Serenity.Hocon;
using Serenity.Server.Admin;

namespace Serenity.Server.Hosting;

/// <summary>What <c>dotnet run --project src/Serenity.Server</c> does: parse the command line, start a node, wait for Ctrl-C, shut down gracefully.</summary>
public static class ServerProgram
{
    /// <summary>
    /// Runs the server, or the subcommand its first argument names (<see cref="Subcommands"/>, whose exit code is passed
    /// through); returns the process exit code (0 ok, 1 failed to start, 2 bad arguments).
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(args);
        if (Subcommands.Find(args) is { } subcommand) return await subcommand.Run([.. args.Skip(1)], output, error, cancellationToken);
        var command = CommandLine.Parse(args);
        if (command.ShowHelp)
        {
            await output.WriteLineAsync(CommandLine.HelpText);
            return 0;
        }
        if (command.Error is { } problem)
        {
            await error.WriteLineAsync($"serenity: {problem}");
            await error.WriteLineAsync("run with --help for usage");
            return 2;
        }
        SerenityHost host;
        try
        {
            host = await SerenityHost.StartAsync(command.Options, cancellationToken);
        }
        catch (HoconException e)
        {
            await error.WriteLineAsync($"serenity: configuration error: {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"serenity: cannot start: {e.Message}");
            return 1;
        }
        await using (host)
        {
            await output.WriteLineAsync($"Serenity dashboard: {host.BaseAddress}");
            // The pbm admin endpoint (serenity.cmd): only here, not in SerenityHost, so test hosts never bind its port.
            await using var cmd = await host.StartCmdListenerAsync(cancellationToken: cancellationToken);
            if (cmd is not null) await output.WriteLineAsync($"pbm admin endpoint: {cmd.Address}");
            await output.WriteLineAsync("Press Ctrl-C to stop.");
            // A cluster node also stops once it has left the cluster (pbm cluster leave, from any node).
            var left = ClusterProvider.Get(host.System).Provider is RabbitMqClusterProvider cluster ? cluster.Left : Task.Delay(Timeout.Infinite, cancellationToken);
            await Task.WhenAny(host.ShutdownRequested, left).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (left.IsCompletedSuccessfully) await output.WriteLineAsync("Serenity: this node left the cluster.");
            await output.WriteLineAsync("Serenity: shutting down (draining requests, closing WebSockets, flushing the journal) ...");
        }
        await output.WriteLineAsync("Serenity: stopped; journal closed.");
        return 0;
    }
}
