namespace Serenity.TestSupport.PostgreSql;

/// <summary>
/// Who runs initdb, pg_ctl and postgres. They refuse to run as root, and tests run as root here and in
/// CI: then they run as the <c>postgres</c> system user that Debian's package creates (through
/// <c>runuser</c>), in a directory handed to that user. Anyone else runs them as themselves.
/// </summary>
internal sealed class ServerAccount
{
    /// <summary>The system user Debian's postgresql package creates.</summary>
    public const string PostgresUser = "postgres";

    private static readonly string[] s_runUserPaths = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"];
    private readonly string _runUser;

    private ServerAccount(string? runAs, string runUser)
    {
        RunAs = runAs;
        _runUser = runUser;
    }

    /// <summary>The user the programs run as, or null for the current user.</summary>
    public string? RunAs { get; }

    /// <summary>The account to use, or null with the reason none can be used.</summary>
    public static async Task<(ServerAccount? Account, string Problem)> ResolveAsync()
    {
        if (!Environment.IsPrivilegedProcess) return (new ServerAccount(null, ""), "");
        if (s_runUserPaths.FirstOrDefault(File.Exists) is not { } runUser)
        {
            return (null, "running as root, and runuser (util-linux) is missing to drop to the postgres user");
        }
        var id = await TryRunAsync("id", ["-u", PostgresUser]).ConfigureAwait(false);
        return id is { ExitCode: 0 }
            ? (new ServerAccount(PostgresUser, runUser), "")
            : (null, $"running as root, and there is no '{PostgresUser}' system user to run the server as (the Debian postgresql package creates it)");
    }

    /// <summary>The program and arguments that run <paramref name="program"/> as this account.</summary>
    public (string FileName, IReadOnlyList<string> Arguments) Command(string program, IEnumerable<string> arguments) =>
        RunAs is null ? (program, arguments.ToList()) : (_runUser, ["-u", RunAs, "--", program, .. arguments]);

    /// <summary>Makes <paramref name="directory"/> the account's own (chown when running as root).</summary>
    public async Task TakeOwnershipAsync(string directory)
    {
        if (RunAs is null) return;
        await ProcessRunner.RunCheckedAsync("chown", [RunAs + ":", directory], TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="program"/> as this account and throws on a non-zero exit code.</summary>
    public Task<string> RunCheckedAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, string workingDirectory)
    {
        var (file, args) = Command(program, arguments);
        return ProcessRunner.RunCheckedAsync(file, args, timeout, workingDirectory);
    }

    /// <summary>Runs <paramref name="program"/> as this account.</summary>
    public Task<ProcessRunner.Result> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, string workingDirectory)
    {
        var (file, args) = Command(program, arguments);
        return ProcessRunner.RunAsync(file, args, timeout, workingDirectory);
    }

    private static async Task<ProcessRunner.Result?> TryRunAsync(string program, IEnumerable<string> arguments)
    {
        try
        {
            return await ProcessRunner.RunAsync(program, arguments, TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
