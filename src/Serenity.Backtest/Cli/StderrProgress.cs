using System.Globalization;

namespace Serenity.Backtest.Cli;

/// <summary>A one-line progress bar on stderr, redrawn with a carriage return.</summary>
internal sealed class StderrProgress(TextWriter output) : IProgress<BacktestProgress>
{
    private const int Width = 30;
    private string _last = "";

    public void Report(BacktestProgress value)
    {
        var filled = (int)Math.Round(Math.Clamp(value.Fraction, 0, 1) * Width);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', Width - filled)}] {value.Fraction * 100,3:F0}% {value.Time:yyyy-MM-dd HH:mm} {value.Minutes} minutes");
        if (line == _last) return;
        lock (output)
        {
            output.Write('\r' + line.PadRight(_last.Length));
            output.Flush();
        }
        _last = line;
    }

    public void Done()
    {
        if (_last.Length > 0) output.WriteLine();
        _last = "";
    }
}
