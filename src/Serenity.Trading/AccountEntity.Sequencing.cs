namespace Serenity.Trading;

/// <summary>
/// Orders are decided in the order they were submitted. Each submit waits for its Ticker's answer (and maybe the
/// pre-trade check) asynchronously, and those answers can come back in any order: without sequencing, an exit sent
/// just before the next entry could fill after it. A submit takes a number; answers are held until every earlier
/// order has been decided, and none is decided while an earlier one waits for its pre-trade check.
/// </summary>
public sealed partial class AccountEntity
{
    // Identifies this incarnation: an answer to a submit made before a restart carries another one and is decided at once.
    private readonly object _sequenceEpoch = new();
    private readonly SortedDictionary<long, TickerArrived> _arrivedEarly = [];
    private long _submitted;
    private long _decided;
    private bool _awaitingCheck;

    /// <summary>The number of the next submit to go to its Ticker.</summary>
    private (object Epoch, long Seq) NextSubmitNumber() => (_sequenceEpoch, ++_submitted);

    private void OnTickerArrived(TickerArrived a)
    {
        if (!ReferenceEquals(a.Epoch, _sequenceEpoch))
        {
            Execute(a, null);
            return;
        }
        _arrivedEarly[a.Seq] = a;
        DecideInOrder();
    }

    private void OnPreTradeChecked(PreTradeChecked c)
    {
        if (ReferenceEquals(c.Arrived.Epoch, _sequenceEpoch)) _awaitingCheck = false;
        Execute(c.Arrived, c.Result);
        DecideInOrder();
    }

    /// <summary>
    /// Decides the next order if it is due. One at a time: a decision may persist, and the next must see its effect
    /// (cash, holdings), so the next one is a message to self, which waits (stashed) until the persist is applied.
    /// </summary>
    private void DecideInOrder()
    {
        if (_awaitingCheck || !_arrivedEarly.Remove(_decided + 1, out var next)) return;
        _decided++;
        Execute(next, null);
        if (_arrivedEarly.ContainsKey(_decided + 1)) Self.Tell(DecideNext.Instance, Self);
    }

    /// <summary>Decide the next held order (sent to self after a decision).</summary>
    internal sealed class DecideNext
    {
        public static readonly DecideNext Instance = new();
    }
}
