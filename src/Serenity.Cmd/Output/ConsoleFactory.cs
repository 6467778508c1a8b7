using Spectre.Console;

namespace Serenity.Cmd.Output;

/// <summary>Makes the Spectre console <c>pbm</c> writes through: colours only on a terminal; when redirected, no ANSI codes and no trailing padding.</summary>
internal static class ConsoleFactory
{
    /// <summary>Width used when the output is not a terminal (a file or a pipe): wide enough that tables do not wrap.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>A console writing to <paramref name="writer"/>; <paramref name="terminal"/> says whether it is an interactive terminal.</summary>
    public static IAnsiConsole Create(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(terminal ? writer : new TrimmingWriter(writer)),
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
            console.Profile.Capabilities.Unicode = false;
        }
        return console;
    }
}
