using System.Diagnostics;
using System.Globalization;
using System.Text;
using RabbitMQ.Client;
using Serenity.TestSupport.PostgreSql;

namespace Serenity.TestSupport.RabbitMq;

/// <summary>
/// A throw-away RabbitMQ node from Debian's rabbitmq-server: its own directory (database, logs, Erlang
/// cookie via HOME), AMQP on a free port of 127.0.0.1, a unique node name, its own distribution port
/// and its own epmd port (so an epmd left by another run never matters), no plugins. Ready when an
/// AMQP connection succeeds. <see cref="DisposeAsync"/> stops it (rabbitmqctl stop, else kill), stops
/// its epmd and deletes the directory; the same happens when the process exits without disposing.
/// </summary>
internal sealed class TemporaryRabbitMqServer : IAsyncDisposable
{
    private const string DirectoryPrefix = "serenity-rabbitmq-";
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(90);
    private readonly RabbitMqInstallation _installation;
    private readonly string _root;
    private readonly Action<string> _log;
    private readonly StringBuilder _output = new();
    private Process? _process;
    private int _stopped;

    private TemporaryRabbitMqServer(RabbitMqInstallation installation, string root, Action<string> log)
    {
        _installation = installation;
        _root = root;
        _log = log;
        NodeName = $"serenity-{Guid.NewGuid():N}"[..20] + "@localhost";
    }

    /// <summary>The AMQP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The Erlang node name.</summary>
    public string NodeName { get; }

    /// <summary>The epmd port this node registers with.</summary>
    public int EpmdPort { get; private set; }

    /// <summary>The AMQP URI (guest/guest, allowed on loopback by this node's config).</summary>
    public string Uri => $"amqp://guest:guest@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/";

    /// <summary>Starts a node; throws <see cref="RabbitMqUnavailableException"/> when none can run here.</summary>
    public static async Task<TemporaryRabbitMqServer> StartAsync(Action<string>? log = null)
    {
        var (installation, problem) = RabbitMqInstallation.Find();
        if (installation is null) throw new RabbitMqUnavailableException(problem);
        log ??= _ => { };
        RemoveStale(log);
        var root = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        var server = new TemporaryRabbitMqServer(installation, root, log);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, "owner"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            AppDomain.CurrentDomain.ProcessExit += server.OnProcessExit;
            await server.StartProcessAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the node and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await StopAsync().ConfigureAwait(false);
    }

    private async Task StartProcessAsync()
    {
        Port = FreeTcpPort.Next();
        EpmdPort = FreeTcpPort.Next();
        var distPort = FreeTcpPort.Next();
        await File.WriteAllTextAsync(Path.Combine(_root, "enabled_plugins"), "[].").ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(_root, "rabbitmq.conf"),
            $"loopback_users = none\nlisteners.tcp.default = 127.0.0.1:{Port}\nlog.console = false\nlog.file.level = warning\n").ConfigureAwait(false);
        var psi = new ProcessStartInfo(_installation.Server)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        SetEnvironment(psi, distPort);
        _log($"rabbitmq-server {NodeName} on 127.0.0.1:{Port} (epmd {EpmdPort}) in {_root}");
        _process = Process.Start(psi) ?? throw new InvalidOperationException("rabbitmq-server did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await File.WriteAllTextAsync(Path.Combine(_root, "server.pid"), _process.Id.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await WaitUntilAcceptingAsync().ConfigureAwait(false);
    }

    private void SetEnvironment(ProcessStartInfo psi, int distPort)
    {
        var env = psi.Environment;
        env["HOME"] = _root;
        env["RABBITMQ_MNESIA_BASE"] = Path.Combine(_root, "mnesia");
        env["RABBITMQ_LOG_BASE"] = Path.Combine(_root, "log");
        env["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture);
        env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        env["RABBITMQ_NODENAME"] = NodeName;
        env["RABBITMQ_DIST_PORT"] = distPort.ToString(CultureInfo.InvariantCulture);
        env["ERL_EPMD_PORT"] = EpmdPort.ToString(CultureInfo.InvariantCulture);
        env["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_root, "enabled_plugins");
        env["RABBITMQ_CONFIG_FILE"] = Path.Combine(_root, "rabbitmq");
        env["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(_root, "advanced.config");
        env["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_root, "rabbitmq-env.conf");
        env["RABBITMQ_PID_FILE"] = Path.Combine(_root, "rabbitmq.pid");
        env["RABBITMQ_PLUGINS_EXPAND_DIR"] = Path.Combine(_root, "plugins-expand");
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var factory = new ConnectionFactory { Uri = new System.Uri(Uri), RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited with code {_process.ExitCode} before accepting connections:\n{Output()}");
            }
            try
            {
                await using var connection = await factory.CreateConnectionAsync().ConfigureAwait(false);
                var version = connection.ServerProperties is { } props && props.TryGetValue("version", out var v) && v is byte[] b ? Encoding.UTF8.GetString(b) : "?";
                _log($"RabbitMQ {version} accepts connections on 127.0.0.1:{Port} after {deadline.Elapsed.TotalSeconds:0.0} s");
                return;
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException) when (deadline.Elapsed < s_readyTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
            }
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => StopAsync().GetAwaiter().GetResult();

    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        if (_process is { HasExited: false })
        {
            var psi = new ProcessStartInfo(_installation.Ctl) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-n", NodeName, "stop" }) psi.ArgumentList.Add(a);
            psi.Environment["HOME"] = _root;
            psi.Environment["ERL_EPMD_PORT"] = EpmdPort.ToString(CultureInfo.InvariantCulture);
            try
            {
                using var ctl = Process.Start(psi)!;
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                await ctl.WaitForExitAsync(cts.Token).ConfigureAwait(false);
                await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                _log($"rabbitmqctl stop did not stop {NodeName} ({e.Message}); killing it");
            }
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        _process?.Dispose();
        KillEpmd(_installation.Epmd, EpmdPort, _log);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException e)
        {
            _log($"cannot delete {_root}: {e.Message}");
        }
    }

    /// <summary>Stops the epmd of a node of ours (each node has its own port, so no one else uses it).</summary>
    private static void KillEpmd(string? epmd, int port, Action<string> log)
    {
        if (epmd is null || port == 0) return;
        var psi = new ProcessStartInfo(epmd) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-port", port.ToString(CultureInfo.InvariantCulture), "-kill" }) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            if (!p.WaitForExit(TimeSpan.FromSeconds(5))) p.Kill();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            log($"epmd -kill: {e.Message}");
        }
    }

    /// <summary>Removes nodes left by test processes that were killed before they could clean up.</summary>
    private static void RemoveStale(Action<string> log)
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            try
            {
                var owner = int.Parse(File.ReadAllText(Path.Combine(dir, "owner")), CultureInfo.InvariantCulture);
                if (IsAlive(owner)) continue;
                if (File.Exists(Path.Combine(dir, "rabbitmq.pid")) && int.TryParse(File.ReadAllText(Path.Combine(dir, "rabbitmq.pid")).Trim(), out var beam) && IsAlive(beam))
                {
                    using var p = Process.GetProcessById(beam);
                    p.Kill(entireProcessTree: true);
                }
                log($"removing a stale RabbitMQ directory {dir}");
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                log($"cannot remove stale {dir}: {e.Message}");
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private string Output()
    {
        lock (_output) return _output.ToString();
    }
}
