using System.Text;

namespace Serenity.Cmd.Tests.Support;

/// <summary>A thread-safe text writer whose content tests can wait on (no polling, no sleeps).</summary>
public sealed class SignalWriter : TextWriter
{
    private readonly object _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<(string Text, TaskCompletionSource Done)> _waiters = [];

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Everything written so far.</summary>
    public string Text
    {
        get
        {
            lock (_gate) return _text.ToString();
        }
    }

    /// <inheritdoc />
    public override void Write(char value) => Write(value.ToString());

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_gate)
        {
            _text.Append(value);
            var all = _text.ToString();
            foreach (var waiter in _waiters.Where(w => all.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Completes once <paramref name="text"/> has been written.</summary>
    public Task WaitForAsync(string text)
    {
        lock (_gate)
        {
            if (_text.ToString().Contains(text, StringComparison.Ordinal)) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, done));
            return done.Task;
        }
    }
}
