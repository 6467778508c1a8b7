namespace Serenity.Cmd.Interactive;

/// <summary>Where the prompt's lines come from.</summary>
internal interface ILineSource
{
    /// <summary>Shows <paramref name="prompt"/> and reads one line; null at the end of input.</summary>
    string? ReadLine(string prompt);
}

/// <summary>Chooses the line source: key-by-key editing on a terminal, plain lines otherwise.</summary>
internal static class LineSources
{
    /// <summary>The source for <paramref name="io"/>.</summary>
    public static ILineSource For(PbmIo io) =>
        io.Terminal && !Console.IsInputRedirected ? new ConsoleLineSource(io.Out) : new ReaderLineSource(io.In, io.Out);
}

/// <summary>Plain lines from a reader (input redirected, or tests); the prompt is written before each.</summary>
internal sealed class ReaderLineSource(TextReader input, TextWriter output) : ILineSource
{
    /// <inheritdoc />
    public string? ReadLine(string prompt)
    {
        output.Write(prompt);
        output.Flush();
        var line = input.ReadLine();
        output.WriteLine();
        return line;
    }
}
