namespace Serenity.Cmd.Tests.Support;

/// <summary>One in-process run of pbm: exit code, standard output, standard error.</summary>
public sealed record PbmRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs pbm with <paramref name="args"/> (output redirected, as in a script) and <paramref name="token"/> as SERENITY_ADMIN_TOKEN.</summary>
    public static async Task<PbmRun> RunAsync(string[] args, string? token = null, string input = "")
    {
        var output = new SignalWriter();
        var error = new SignalWriter();
        var code = await Pbm.RunAsync(args, new PbmIo(output, error, new StringReader(input), Terminal: false, token)).WaitAsync(TimeSpan.FromSeconds(30));
        return new PbmRun(code, output.Text, error.Text);
    }
}
