using System.Diagnostics;
using System.Globalization;

namespace Serenity.TestSupport.Cluster;

/// <summary>Sends a POSIX signal to a process (through <c>kill</c>: .NET itself only sends SIGKILL).</summary>
public static class ProcessSignal
{
    /// <summary>Sends <paramref name="signal"/> (e.g. <c>-TERM</c>, <c>-STOP</c>) to <paramref name="process"/>.</summary>
    public static void Send(Process process, string signal)
    {
        ArgumentNullException.ThrowIfNull(process);
        var psi = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        psi.ArgumentList.Add(signal);
        psi.ArgumentList.Add(process.Id.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(psi)!;
        if (!kill.WaitForExit(TimeSpan.FromSeconds(5)) || kill.ExitCode != 0) throw new InvalidOperationException($"kill {signal} {process.Id} failed");
    }
}
