using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace Serenity.TestSupport.Cluster;

/// <summary>
/// A cluster node process (tests/Serenity.Cluster.TestNode). Its stdout lines are collected; commands
/// go to its stdin. Disposing kills it if it still runs; it also ends by itself when its stdin closes
/// (when this test process dies). Shared by the cluster tests and the cluster benchmarks.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Channel<string> _replies = Channel.CreateUnbounded<string>();

    private NodeProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>The node's name.</summary>
    public string Name { get; }

    /// <summary>The OS process id.</summary>
    public int Pid => _process.Id;

    /// <summary>True once the process ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Every line it printed so far.</summary>
    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    /// <summary>
    /// Starts a node and waits until it prints READY. <paramref name="host"/> (an assembly beside it) lends its runtime
    /// configuration and dependencies: a host on the ASP.NET shared framework (the benchmarks) copies no framework
    /// assembly the node needs next to it.
    /// </summary>
    public static async Task<NodeProcess> StartAsync(string postgresConnection, string rabbitMqUri, string cluster, string name, string schema, string roles, int shards, bool marketData, string? host = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Serenity.Cluster.TestNode.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing: the project must reference tests/Serenity.Cluster.TestNode", dll);
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (host is not null)
        {
            foreach (var a in new[] { "exec", "--runtimeconfig", Path.ChangeExtension(host, ".runtimeconfig.json"), "--depsfile", Path.ChangeExtension(host, ".deps.json") }) psi.ArgumentList.Add(a);
        }
        foreach (var a in new[] { dll, cluster, name, schema, roles, shards.ToString(CultureInfo.InvariantCulture) }) psi.ArgumentList.Add(a);
        if (marketData) psi.ArgumentList.Add("market-data");
        psi.Environment["SERENITY_POSTGRES_CONNECTION"] = postgresConnection;
        psi.Environment["SERENITY_RABBITMQ_URI"] = rabbitMqUri;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start the test node");
        var node = new NodeProcess(name, process);
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) node._lines.Enqueue("stderr: " + e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.ExpectAsync("READY", TimeSpan.FromSeconds(40)).ConfigureAwait(false);
        return node;
    }

    /// <summary>Sends a command line.</summary>
    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The next reply line starting with <paramref name="prefix"/> (other reply lines are skipped).</summary>
    public async Task<string> ExpectAsync(string prefix, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var line = await _replies.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
                if (line.StartsWith(prefix, StringComparison.Ordinal)) return line;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"node {Name} printed no '{prefix}' line within {timeout.TotalSeconds:0} s (exited: {_process.HasExited}); output:\n{string.Join('\n', _lines.TakeLast(40))}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"node {Name} exited before printing '{prefix}'; output:\n{string.Join('\n', _lines.TakeLast(40))}");
        }
    }

    /// <summary>Kills the process at once (SIGKILL: no clean-up of any kind).</summary>
    public void Kill9() => _process.Kill(entireProcessTree: false);

    /// <summary>Pauses (SIGSTOP) or resumes (SIGCONT) the process.</summary>
    public void Signal(bool stop) => Send(stop ? "-STOP" : "-CONT");

    /// <summary>Asks the process to stop (SIGTERM, what an init system or Kubernetes sends).</summary>
    public void Terminate() => Send("-TERM");

    /// <summary>The exit code once it ended.</summary>
    public int ExitCode => _process.ExitCode;

    private void Send(string signal) => ProcessSignal.Send(_process, signal);

    /// <summary>Waits for the process to end.</summary>
    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(new CancellationTokenSource(timeout).Token);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                Signal(stop: false);
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token).ConfigureAwait(false);
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
        if (line is null)
        {
            _replies.Writer.TryComplete();
            return;
        }
        _lines.Enqueue(line);
        _replies.Writer.TryWrite(line);
    }
}
