using System.Globalization;
using Serenity.Tickstore.Cli;

namespace Serenity.Backtest.Cli;

/// <summary>The backtest's progress on the tickstore CLI's one-line bar: fraction, simulated time, minutes replayed.</summary>
internal sealed class StderrProgress(TextWriter output) : IProgress<BacktestProgress>
{
    private readonly ProgressBar _bar = new(output);

    public void Report(BacktestProgress value)
    {
        lock (_bar)
        {
            _bar.Draw(value.Fraction, string.Create(CultureInfo.InvariantCulture, $"{value.Time:yyyy-MM-dd HH:mm} {value.Minutes} minutes"));
        }
    }

    public void Done()
    {
        lock (_bar) _bar.Done();
    }
}
