using Serenity.Cmd.Completion;

namespace Serenity.Cmd.Interactive;

/// <summary>What a key did to the line being edited.</summary>
internal enum EditOutcome
{
    /// <summary>The line changed (or the cursor moved): redraw it.</summary>
    Redraw,

    /// <summary>Enter: the line is <see cref="LineEditor.Text"/>.</summary>
    Submit,

    /// <summary>Tab found several candidates: show <see cref="LineEditor.Candidates"/>, then redraw.</summary>
    ShowCandidates,

    /// <summary>Ctrl-D on an empty line: leave the prompt.</summary>
    EndOfInput,

    /// <summary>Nothing to do.</summary>
    None,
}

/// <summary>
/// The prompt's line editing as a pure state machine over keys (no console): insert, Backspace, Delete, arrows,
/// Home/End, Up/Down through <see cref="History"/>, Tab completion, Esc/Ctrl-C to clear, Enter to submit.
/// </summary>
internal sealed class LineEditor(History history)
{
    private string _text = "";

    /// <summary>The line as typed so far.</summary>
    public string Text => _text;

    /// <summary>Where the cursor is (0 .. Text.Length).</summary>
    public int Cursor { get; private set; }

    /// <summary>The candidates of the last Tab that could not complete on its own.</summary>
    public IReadOnlyList<string> Candidates { get; private set; } = [];

    /// <summary>Applies one key.</summary>
    public EditOutcome Apply(ConsoleKeyInfo key)
    {
        var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
        switch (key.Key)
        {
            case ConsoleKey.Enter:
                history.Add(_text);
                return EditOutcome.Submit;
            case ConsoleKey.Tab:
                var before = _text;
                Set(Completer.Complete(_text, out var candidates));
                Candidates = candidates;
                return candidates.Count > 1 && _text == before ? EditOutcome.ShowCandidates : EditOutcome.Redraw;
            case ConsoleKey.Backspace when Cursor > 0:
                _text = _text.Remove(Cursor - 1, 1);
                Cursor--;
                return EditOutcome.Redraw;
            case ConsoleKey.Delete when Cursor < _text.Length:
                _text = _text.Remove(Cursor, 1);
                return EditOutcome.Redraw;
            case ConsoleKey.LeftArrow when Cursor > 0:
                Cursor--;
                return EditOutcome.Redraw;
            case ConsoleKey.RightArrow when Cursor < _text.Length:
                Cursor++;
                return EditOutcome.Redraw;
            case ConsoleKey.Home:
                Cursor = 0;
                return EditOutcome.Redraw;
            case ConsoleKey.End:
                Cursor = _text.Length;
                return EditOutcome.Redraw;
            case ConsoleKey.UpArrow:
                return history.Previous() is { } previous ? SetAndRedraw(previous) : EditOutcome.None;
            case ConsoleKey.DownArrow:
                return history.Next() is { } next ? SetAndRedraw(next) : EditOutcome.None;
            case ConsoleKey.Escape:
            case ConsoleKey.C when control:
                return SetAndRedraw("");
            case ConsoleKey.D when control:
                return _text.Length == 0 ? EditOutcome.EndOfInput : EditOutcome.None;
        }
        if (key.KeyChar >= ' ' && !control)
        {
            _text = _text.Insert(Cursor, key.KeyChar.ToString());
            Cursor++;
            return EditOutcome.Redraw;
        }
        return EditOutcome.None;
    }

    /// <summary>Starts a new line.</summary>
    public void Reset() => Set("");

    private EditOutcome SetAndRedraw(string text)
    {
        Set(text);
        return EditOutcome.Redraw;
    }

    private void Set(string text)
    {
        _text = text;
        Cursor = text.Length;
    }
}
