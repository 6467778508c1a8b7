using System.Text;

namespace Serenity.Cmd.Output;

/// <summary>
/// Passes text on line by line without trailing spaces (the padding of table cells), so redirected output is clean
/// for scripts and diffs. Text without a newline yet waits until <see cref="Flush"/>.
/// </summary>
internal sealed class TrimmingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (value == '\n')
        {
            var text = _line.ToString().TrimEnd(' ', '\r');
            _line.Clear();
            inner.Write(text + "\n");
            return;
        }
        _line.Append(value);
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is null) return;
        foreach (var c in value) Write(c);
    }

    /// <inheritdoc />
    public override void Flush()
    {
        if (_line.Length > 0)
        {
            inner.Write(_line.ToString());
            _line.Clear();
        }
        inner.Flush();
    }
}
