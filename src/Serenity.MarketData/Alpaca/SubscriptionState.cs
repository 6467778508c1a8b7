namespace Serenity.MarketData.Alpaca;

/// <summary>
/// The symbols the client wants per channel (sent whole after every (re)connect) and the set the server
/// last confirmed. Thread-safe: callers change it while the connection loop reads it.
/// </summary>
internal sealed class SubscriptionState
{
    private readonly object _gate = new();
    private readonly Dictionary<StreamChannel, SortedSet<string>> _wanted = StreamChannels.All.ToDictionary(c => c, _ => new SortedSet<string>(StringComparer.Ordinal));

    public SubscriptionSet Confirmed { get; private set; } = SubscriptionSet.Empty;

    /// <summary>Adds symbols; returns those that were not wanted yet, per channel.</summary>
    public Dictionary<StreamChannel, IReadOnlyCollection<string>> Add(IEnumerable<StreamChannel> channels, IReadOnlyCollection<string> symbols) =>
        Change(channels, symbols, add: true);

    /// <summary>Removes symbols; returns those that were wanted, per channel.</summary>
    public Dictionary<StreamChannel, IReadOnlyCollection<string>> Remove(IEnumerable<StreamChannel> channels, IReadOnlyCollection<string> symbols) =>
        Change(channels, symbols, add: false);

    /// <summary>Everything wanted, per channel (empty channels left out).</summary>
    public Dictionary<StreamChannel, IReadOnlyCollection<string>> Wanted()
    {
        lock (_gate) return _wanted.Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => (IReadOnlyCollection<string>)[.. kv.Value]);
    }

    /// <summary>The server's answer: it becomes the confirmed set.</summary>
    public void Confirm(SubscriptionSet set)
    {
        lock (_gate) Confirmed = set;
    }

    /// <summary>
    /// The server refused a change (405: symbol limit) and kept its set: the wanted set falls back to it, so
    /// a reconnect does not ask for the refused symbols again.
    /// </summary>
    public void RevertToConfirmed()
    {
        lock (_gate)
        {
            foreach (var channel in StreamChannels.All)
            {
                _wanted[channel].Clear();
                _wanted[channel].UnionWith(Confirmed.Of(channel));
            }
        }
    }

    private Dictionary<StreamChannel, IReadOnlyCollection<string>> Change(IEnumerable<StreamChannel> channels, IReadOnlyCollection<string> symbols, bool add)
    {
        var changed = new Dictionary<StreamChannel, IReadOnlyCollection<string>>();
        lock (_gate)
        {
            foreach (var channel in channels.Distinct())
            {
                var set = _wanted[channel];
                var delta = symbols.Where(s => add ? set.Add(s) : set.Remove(s)).ToList();
                if (delta.Count > 0) changed[channel] = delta;
            }
        }
        return changed;
    }
}
