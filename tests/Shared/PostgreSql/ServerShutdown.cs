using System.Diagnostics;
using System.Globalization;

namespace Serenity.TestSupport.PostgreSql;

/// <summary>Stops a server (<c>pg_ctl stop -m immediate</c>, then a kill if that fails) and removes its directory.</summary>
internal static class ServerShutdown
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Stops the server of <paramref name="dataDirectory"/> if it runs. Immediate mode: the data is
    /// thrown away, and the postmaster still releases its shared memory (a kill would leak it).
    /// </summary>
    public static async Task StopAsync(PostgreSqlInstallation installation, string dataDirectory, Action<string> log)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "postmaster.pid"))) return;
        log("pg_ctl stop -m immediate");
        try
        {
            var result = await installation.Account.RunAsync(installation.Binaries.PgCtl,
                ["stop", "-D", dataDirectory, "-m", "immediate", "-w", "-t", ((int)s_stopTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)],
                s_stopTimeout + TimeSpan.FromSeconds(10), Path.GetDirectoryName(dataDirectory)!).ConfigureAwait(false);
            if (result.ExitCode != 0) log($"pg_ctl stop failed ({result.ExitCode}): {result.Output}");
        }
        catch (TimeoutException e)
        {
            log(e.Message);
        }
        KillPostmaster(dataDirectory);
    }

    /// <summary>Deletes <paramref name="directory"/> and everything in it (best effort).</summary>
    public static void DeleteDirectory(string directory)
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a file still being closed by the exiting server: try again
            }
        }
    }

    /// <summary>True while process <paramref name="pid"/> runs.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The trimmed text of <paramref name="file"/>, or null if it cannot be read.</summary>
    public static string? TryRead(string file)
    {
        try
        {
            return File.ReadAllText(file).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The last resort: kills the postmaster recorded in postmaster.pid if it still runs.</summary>
    private static void KillPostmaster(string dataDirectory)
    {
        var firstLine = TryRead(Path.Combine(dataDirectory, "postmaster.pid"))?.Split('\n')[0];
        if (!int.TryParse(firstLine, CultureInfo.InvariantCulture, out var pid) || !IsRunning(pid)) return;
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.ProcessName is "postgres" or "postmaster") process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // gone in the meantime, or not ours to kill
        }
    }
}
