using Serenity.Actors;
using Xunit.Abstractions;

namespace Serenity.TestKit.Tests;

public sealed class TestOutputTests
{
    [Fact]
    public void Log_events_are_written_to_the_test_output()
    {
        var output = new RecordingOutput();
        using (var kit = new OutputKit(output))
        {
            kit.Sys.Log.Warning("visible in the test output");
        }
        Assert.Contains(output.Lines, l => l.Contains("visible in the test output", StringComparison.Ordinal));
    }

    [Fact]
    public void Debug_events_are_written_because_the_TestKit_logs_at_debug()
    {
        var output = new RecordingOutput();
        using (var kit = new OutputKit(output))
        {
            kit.Sys.Log.Debug("debug detail");
        }
        Assert.Contains(output.Lines, l => l.Contains("debug detail", StringComparison.Ordinal));
    }

    private sealed class OutputKit(ITestOutputHelper output) : TestKit((string?)null, output);

    private sealed class RecordingOutput : ITestOutputHelper
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines) return [.. _lines];
            }
        }

        public void WriteLine(string message)
        {
            lock (_lines) _lines.Add(message);
        }

        public void WriteLine(string format, params object[] args) =>
            WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
