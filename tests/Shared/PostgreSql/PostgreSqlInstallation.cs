namespace Serenity.TestSupport.PostgreSql;

/// <summary>The server programs and the account to run them as, found once per process.</summary>
internal sealed record PostgreSqlInstallation(PostgreSqlBinaries Binaries, ServerAccount Account)
{
    private static readonly Lazy<Task<(PostgreSqlInstallation?, string)>> s_probe = new(ProbeAsync);

    /// <summary>The installation, or null with why a server cannot be started here.</summary>
    public static Task<(PostgreSqlInstallation? Installation, string Problem)> FindAsync() => s_probe.Value;

    private static async Task<(PostgreSqlInstallation?, string)> ProbeAsync()
    {
        var (binaries, searched) = await PostgreSqlBinaries.FindAsync().ConfigureAwait(false);
        if (binaries is null) return (null, $"the PostgreSQL server binaries are not installed ({searched}; Debian: apt-get install postgresql)");
        var (account, problem) = await ServerAccount.ResolveAsync().ConfigureAwait(false);
        return account is null ? (null, problem) : (new PostgreSqlInstallation(binaries, account), "");
    }
}

/// <summary>No PostgreSQL server can be started on this machine; the message says why.</summary>
internal sealed class PostgreSqlUnavailableException(string message) : Exception(message);
