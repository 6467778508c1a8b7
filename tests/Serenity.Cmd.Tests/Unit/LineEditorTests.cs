using Serenity.Cmd.Interactive;

namespace Serenity.Cmd.Tests.Unit;

public sealed class LineEditorTests
{
    private static ConsoleKeyInfo Key(ConsoleKey key, bool control = false) => new('\0', key, false, false, control);

    private static ConsoleKeyInfo Char(char c) => new(c, ConsoleKey.A, false, false, false);

    private static void Type(LineEditor editor, string text)
    {
        foreach (var c in text) Assert.Equal(EditOutcome.Redraw, editor.Apply(Char(c)));
    }

    [Fact]
    public void Typing_editing_and_submitting()
    {
        var editor = new LineEditor(new History());
        Type(editor, "actr");
        editor.Apply(Key(ConsoleKey.LeftArrow));
        Type(editor, "o");
        Assert.Equal("actor", editor.Text);
        editor.Apply(Key(ConsoleKey.Home));
        editor.Apply(Key(ConsoleKey.Delete));
        Assert.Equal("ctor", editor.Text);
        editor.Apply(Key(ConsoleKey.End));
        editor.Apply(Key(ConsoleKey.Backspace));
        Assert.Equal("cto", editor.Text);
        Assert.Equal(3, editor.Cursor);
        Assert.Equal(EditOutcome.Submit, editor.Apply(Key(ConsoleKey.Enter)));
    }

    [Fact]
    public void Tab_completes_and_shows_candidates_when_ambiguous()
    {
        var editor = new LineEditor(new History());
        Type(editor, "mar");
        Assert.Equal(EditOutcome.Redraw, editor.Apply(Key(ConsoleKey.Tab)));
        Assert.Equal("market-data ", editor.Text);
        Type(editor, "s");
        Assert.Equal(EditOutcome.Redraw, editor.Apply(Key(ConsoleKey.Tab)));
        Assert.Equal("market-data status ", editor.Text);

        var other = new LineEditor(new History());
        Type(other, "clu");
        Assert.Equal(EditOutcome.Redraw, other.Apply(Key(ConsoleKey.Tab))); // nothing to add: "cluster" is the common prefix of both
        Assert.Equal("clu" + "ster", other.Text);
        Assert.Equal(EditOutcome.ShowCandidates, other.Apply(Key(ConsoleKey.Tab)));
        Assert.Equal(["cluster", "cluster-sharding"], other.Candidates);
    }

    [Fact]
    public void Up_and_down_walk_the_history()
    {
        var history = new History();
        history.Add("actor system");
        history.Add("journal stats");
        history.Add("journal stats");
        Assert.Equal(2, history.Entries.Count);
        var editor = new LineEditor(history);
        editor.Apply(Key(ConsoleKey.UpArrow));
        Assert.Equal("journal stats", editor.Text);
        editor.Apply(Key(ConsoleKey.UpArrow));
        Assert.Equal("actor system", editor.Text);
        Assert.Equal(EditOutcome.None, editor.Apply(Key(ConsoleKey.UpArrow)));
        editor.Apply(Key(ConsoleKey.DownArrow));
        Assert.Equal("journal stats", editor.Text);
        editor.Apply(Key(ConsoleKey.DownArrow));
        Assert.Equal("", editor.Text);
    }

    [Fact]
    public void Ctrl_c_clears_the_line_and_ctrl_d_on_an_empty_line_ends_input()
    {
        var editor = new LineEditor(new History());
        Type(editor, "log ta");
        Assert.Equal(EditOutcome.None, editor.Apply(Key(ConsoleKey.D, control: true)));
        editor.Apply(Key(ConsoleKey.C, control: true));
        Assert.Equal("", editor.Text);
        Assert.Equal(EditOutcome.EndOfInput, editor.Apply(Key(ConsoleKey.D, control: true)));
    }
}
