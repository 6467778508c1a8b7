using System.Globalization;
using Npgsql;

namespace Serenity.TestSupport.PostgreSql;

/// <summary>
/// A throw-away PostgreSQL server: <c>initdb</c> into a new temporary directory, <c>pg_ctl start</c> on a
/// free port of 127.0.0.1 (unix socket inside that directory), trust authentication for the
/// <c>postgres</c> superuser. <see cref="DisposeAsync"/> stops it (<c>pg_ctl stop -m immediate</c>, then
/// a kill if that fails) and deletes the directory; the same happens when the process exits without
/// disposing it, and servers left by a killed process are removed by the next start.
/// </summary>
internal sealed class TemporaryPostgreSqlServer : IAsyncDisposable
{
    /// <summary>The superuser initdb creates.</summary>
    public const string Superuser = "postgres";

    private static readonly TimeSpan s_initDbTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(30);
    private const int StartAttempts = 3;

    private readonly PostgreSqlInstallation _installation;
    private readonly string _root;
    private readonly Action<string> _log;
    private int _stopped;

    private TemporaryPostgreSqlServer(PostgreSqlInstallation installation, string root, Action<string> log)
    {
        _installation = installation;
        _root = root;
        _log = log;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The temporary directory (data directory, socket, log).</summary>
    public string Directory => _root;

    private string DataDirectory => Path.Combine(_root, "data");

    private string LogFile => Path.Combine(_root, "server.log");

    /// <summary>
    /// Starts a server. Throws <see cref="PostgreSqlUnavailableException"/> when this machine cannot run
    /// one (the caller decides whether that is a skip or a failure).
    /// </summary>
    /// <param name="durable">False (tests) turns fsync and synchronous commit off; true keeps PostgreSQL's durable defaults (benchmarks).</param>
    /// <param name="log">Receives progress lines (never a secret: the server has none).</param>
    public static async Task<TemporaryPostgreSqlServer> StartAsync(bool durable = false, Action<string>? log = null)
    {
        var (installation, problem) = await PostgreSqlInstallation.FindAsync().ConfigureAwait(false);
        if (installation is null) throw new PostgreSqlUnavailableException(problem);
        log ??= _ => { };
        await StaleServers.RemoveAllAsync(installation, log).ConfigureAwait(false);

        var root = System.IO.Directory.CreateTempSubdirectory(StaleServers.DirectoryPrefix).FullName;
        var server = new TemporaryPostgreSqlServer(installation, root, log);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, StaleServers.OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await installation.Account.TakeOwnershipAsync(root).ConfigureAwait(false);
            await server.InitDbAsync(durable).ConfigureAwait(false);
            AppDomain.CurrentDomain.ProcessExit += server.OnProcessExit;
            await server.StartOnFreePortAsync().ConfigureAwait(false);
            await server.WaitUntilAcceptingAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> over TCP on 127.0.0.1.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Timeout = 15,
        CommandTimeout = 120,
    }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString()))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        return ConnectionString(name);
    }

    /// <summary>Stops the server (immediately: the data is thrown away) and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await StopAndDeleteAsync().ConfigureAwait(false);
    }

    private async Task InitDbAsync(bool durable)
    {
        _log($"initdb into {DataDirectory} (as {_installation.Account.RunAs ?? "the current user"})");
        await _installation.Account.RunCheckedAsync(_installation.Binaries.InitDb,
            ["-D", DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], s_initDbTimeout, _root).ConfigureAwait(false);
        var settings = new List<string>
        {
            "listen_addresses = '127.0.0.1'",
            $"unix_socket_directories = '{_root.Replace("'", "''", StringComparison.Ordinal)}'",
            "logging_collector = off",
        };
        if (!durable) settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        await File.AppendAllLinesAsync(Path.Combine(DataDirectory, "postgresql.conf"), settings).ConfigureAwait(false);
    }

    /// <summary>pg_ctl start on a free port; another process may take the port first, so a bind failure retries.</summary>
    private async Task StartOnFreePortAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeTcpPort.Next();
            _log($"pg_ctl start on 127.0.0.1:{Port}");
            var result = await _installation.Account.RunAsync(_installation.Binaries.PgCtl,
                ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", ((int)s_startTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-o", $"-p {Port}"],
                s_startTimeout + TimeSpan.FromSeconds(10), _root).ConfigureAwait(false);
            if (result.ExitCode == 0) return;
            var serverLog = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile).ConfigureAwait(false) : "";
            if (attempt < StartAttempts && serverLog.Contains("could not bind", StringComparison.Ordinal)) continue;
            throw new InvalidOperationException($"pg_ctl start failed with exit code {result.ExitCode}:\n{result.Output}\nserver log:\n{serverLog}");
        }
    }

    /// <summary>Connects until the server answers, within a deadline (pg_ctl -w has waited already; this checks TCP as a client sees it).</summary>
    private async Task WaitUntilAcceptingAsync()
    {
        using var deadline = new CancellationTokenSource(s_readyTimeout);
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString()) { Pooling = false, Timeout = 5 };
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(deadline.Token).ConfigureAwait(false);
                _log($"PostgreSQL {connection.PostgreSqlVersion} is accepting connections on 127.0.0.1:{Port}");
                return;
            }
            catch (NpgsqlException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token).ConfigureAwait(false);
            }
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => StopAndDeleteAsync().GetAwaiter().GetResult();

    private async Task StopAndDeleteAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        NpgsqlConnection.ClearAllPools();
        await ServerShutdown.StopAsync(_installation, DataDirectory, _log).ConfigureAwait(false);
        ServerShutdown.DeleteDirectory(_root);
    }
}
