namespace Serenity.Cmd.Interactive;

/// <summary>The prompt's command history: Up goes back, Down forward; an entry equal to the previous one is not kept twice.</summary>
internal sealed class History(int capacity = 500)
{
    private readonly List<string> _entries = [];
    private int _position;

    /// <summary>The entries, oldest first.</summary>
    public IReadOnlyList<string> Entries => _entries;

    /// <summary>Adds a submitted line and moves to the end.</summary>
    public void Add(string line)
    {
        if (!string.IsNullOrWhiteSpace(line) && (_entries.Count == 0 || _entries[^1] != line))
        {
            _entries.Add(line);
            if (_entries.Count > capacity) _entries.RemoveAt(0);
        }
        _position = _entries.Count;
    }

    /// <summary>The entry before the current one, or null at the start.</summary>
    public string? Previous()
    {
        if (_position == 0) return null;
        return _entries[--_position];
    }

    /// <summary>The entry after the current one; an empty line past the newest.</summary>
    public string? Next()
    {
        if (_position >= _entries.Count) return null;
        _position++;
        return _position == _entries.Count ? "" : _entries[_position];
    }
}
