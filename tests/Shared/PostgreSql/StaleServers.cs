using System.Globalization;

namespace Serenity.TestSupport.PostgreSql;

/// <summary>
/// Cleans up after a process that was killed before it could stop its server: every temporary server
/// directory records its owner's process id; when that process is gone, its server is stopped and the
/// directory deleted.
/// </summary>
internal static class StaleServers
{
    /// <summary>The prefix of the temporary directories.</summary>
    public const string DirectoryPrefix = "serenity-pg-";

    /// <summary>The file holding the owning process id.</summary>
    public const string OwnerFile = "owner.pid";

    /// <summary>Removes the servers of processes that no longer run (best effort).</summary>
    public static async Task RemoveAllAsync(PostgreSqlInstallation installation, Action<string> log)
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var owner = ServerShutdown.TryRead(Path.Combine(dir, OwnerFile));
            if (!int.TryParse(owner, CultureInfo.InvariantCulture, out var pid) || ServerShutdown.IsRunning(pid)) continue;
            log($"removing the server left in {dir} by process {pid}, which is gone");
            await ServerShutdown.StopAsync(installation, Path.Combine(dir, "data"), log).ConfigureAwait(false);
            ServerShutdown.DeleteDirectory(dir);
        }
    }
}
