namespace Serenity.Cmd;

/// <summary>What <c>pbm</c> reads and writes: output, errors, input lines, whether output is a terminal, the admin token.</summary>
/// <param name="Out">Where answers go.</param>
/// <param name="Error">Where failures and usage errors go.</param>
/// <param name="In">Where the interactive prompt reads lines when it cannot read keys (input redirected).</param>
/// <param name="Terminal">Whether <paramref name="Out"/> is an interactive terminal (colours, key-by-key editing).</param>
/// <param name="Token">The admin token (<c>SERENITY_ADMIN_TOKEN</c>), or null.</param>
public sealed record PbmIo(TextWriter Out, TextWriter Error, TextReader In, bool Terminal, string? Token)
{
    /// <summary>How long a request may take before the node counts as unreachable.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The process's console and environment.</summary>
    public static PbmIo FromConsole() => new(Console.Out, Console.Error, Console.In,
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
        Environment.GetEnvironmentVariable("SERENITY_ADMIN_TOKEN"));
}
