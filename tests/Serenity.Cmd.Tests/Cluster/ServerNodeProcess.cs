using System.Collections.Concurrent;
using System.Diagnostics;

namespace Serenity.Cmd.Tests.Cluster;

/// <summary>
/// A real Serenity server process in cluster mode (<c>--config hocon/cluster.conf</c>, the settings in its environment)
/// with its pbm admin endpoint on a port of its own. Its output is kept for failure messages; disposing kills it.
/// </summary>
public sealed class ServerNodeProcess : IAsyncDisposable
{
    private const string AdminLine = "pbm admin endpoint: ";
    private const string DashboardLine = "Serenity dashboard: ";
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerNodeProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data is null ? null : "stderr: " + e.Data);
        process.Exited += (_, _) => _address.TrySetException(new InvalidOperationException($"node {name} exited ({process.ExitCode}) before its admin endpoint listened:\n{Output}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The node's name (<c>serenity.cluster.node-name</c>).</summary>
    public string Name { get; }

    /// <summary>Its admin endpoint, host:port: also its cluster address.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Its HTTP address (the dashboard and REST API), once it printed it.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>True once the process ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Its exit code (once exited).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines it printed.</summary>
    public string Output => string.Join('\n', _lines.TakeLast(40));

    /// <summary>Starts the server with <paramref name="environment"/> and waits until its admin endpoint listens.</summary>
    public static async Task<ServerNodeProcess> StartAsync(string name, string dataDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "Serenity.Server.dll");
        Assert.True(File.Exists(server), $"{server} is missing: the test project must reference src/Serenity.Server");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { server, "--config", Path.Combine(RepositoryRoot(), "hocon", "cluster.conf"), "--urls", "http://127.0.0.1:0", "--data", dataDirectory })
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var node = new ServerNodeProcess(name, Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet"));
        try
        {
            node.Address = await node._address.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await node.DisposeAsync();
            throw new TimeoutException($"node {name}: no admin endpoint within {timeout.TotalSeconds:0} s:\n{node.Output}");
        }
        return node;
    }

    /// <summary>Kills the process at once (SIGKILL: no leave, no lease release).</summary>
    public void Kill9() => _process.Kill(entireProcessTree: false);

    /// <summary>Asks the process to stop (SIGTERM, what systemd or Kubernetes sends): it hands its shards off and exits.</summary>
    public void Terminate() => Serenity.TestSupport.Cluster.ProcessSignal.Send(_process, "-TERM");

    /// <summary>Waits for the process to end by itself.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"node {Name} did not exit within {timeout.TotalSeconds:0} s:\n{Output}");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
        }
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        if (line.StartsWith(AdminLine, StringComparison.Ordinal)) _address.TrySetResult(line[AdminLine.Length..].Trim());
        if (line.StartsWith(DashboardLine, StringComparison.Ordinal)) BaseAddress = new Uri(line[DashboardLine.Length..].Trim());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serenity.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Serenity.sln not found above " + AppContext.BaseDirectory);
    }
}
