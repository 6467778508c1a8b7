using System.Globalization;

namespace Serenity.Tickstore.Cli;

/// <summary>A one-line text progress bar, redrawn with a carriage return (the tickstore and backtest CLIs draw theirs on stderr).</summary>
public sealed class ProgressBar(TextWriter output, int width = 30)
{
    private string _last = "";

    /// <summary>Redraws: <c>[#####-----]  50% detail</c> (skipped when nothing changed).</summary>
    public void Draw(double fraction, string detail)
    {
        fraction = Math.Clamp(fraction, 0, 1);
        var filled = (int)Math.Round(fraction * width);
        var line = string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('-', width - filled)}] {fraction * 100,3:F0}% {detail}");
        if (line == _last) return;
        output.Write('\r' + line.PadRight(_last.Length));
        output.Flush();
        _last = line;
    }

    /// <summary>Ends the line.</summary>
    public void Done()
    {
        if (_last.Length > 0) output.WriteLine();
        _last = "";
    }
}
