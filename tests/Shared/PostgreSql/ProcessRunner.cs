using System.Diagnostics;
using System.Text;

namespace Serenity.TestSupport.PostgreSql;

/// <summary>Runs a command to its end within a time limit, capturing what it prints.</summary>
internal static class ProcessRunner
{
    /// <summary>The exit code and the combined output of a finished command.</summary>
    public sealed record Result(int ExitCode, string Output);

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/>; past <paramref name="timeout"/>
    /// the process tree is killed and a <see cref="TimeoutException"/> is thrown.
    /// </summary>
    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{Describe(fileName, psi.ArgumentList)}' did not finish within {timeout.TotalSeconds:0} s; output so far:\n{Text(output)}");
        }
        process.WaitForExit(); // drains the asynchronous output readers
        return new Result(process.ExitCode, Text(output));
    }

    /// <summary>Like <see cref="RunAsync"/>, and throws when the command exits with a non-zero code.</summary>
    public static async Task<string> RunCheckedAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var args = arguments.ToList();
        var result = await RunAsync(fileName, args, timeout, workingDirectory).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{Describe(fileName, args)}' failed with exit code {result.ExitCode}:\n{result.Output}");
        }
        return result.Output;
    }

    private static string Describe(string fileName, IEnumerable<string> args) => string.Join(' ', new[] { fileName }.Concat(args));

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }
}
