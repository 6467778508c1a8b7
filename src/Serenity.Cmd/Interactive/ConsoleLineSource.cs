namespace Serenity.Cmd.Interactive;

/// <summary>
/// Reads keys from the console into a <see cref="LineEditor"/> and redraws the line: the thin, untested shell over the
/// tested editor, history and completer.
/// </summary>
internal sealed class ConsoleLineSource(TextWriter output) : ILineSource
{
    private readonly History _history = new();

    /// <inheritdoc />
    public string? ReadLine(string prompt)
    {
        var editor = new LineEditor(_history);
        var shown = 0;
        output.Write(prompt);
        output.Flush();
        var previous = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            while (true)
            {
                switch (editor.Apply(Console.ReadKey(intercept: true)))
                {
                    case EditOutcome.Submit:
                        output.WriteLine();
                        return editor.Text;
                    case EditOutcome.EndOfInput:
                        output.WriteLine();
                        return null;
                    case EditOutcome.ShowCandidates:
                        output.WriteLine();
                        output.WriteLine(string.Join("  ", editor.Candidates));
                        shown = 0;
                        Redraw(prompt, editor, ref shown, fresh: true);
                        break;
                    case EditOutcome.Redraw:
                        Redraw(prompt, editor, ref shown, fresh: false);
                        break;
                }
            }
        }
        finally
        {
            Console.TreatControlCAsInput = previous;
        }
    }

    private void Redraw(string prompt, LineEditor editor, ref int shown, bool fresh)
    {
        var padding = Math.Max(0, shown - editor.Text.Length);
        output.Write((fresh ? "" : "\r") + prompt + editor.Text + new string(' ', padding) + "\r" + prompt + editor.Text[..editor.Cursor]);
        output.Flush();
        shown = editor.Text.Length;
    }
}
