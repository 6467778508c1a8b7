using Serenity.Actors;
using Serenity.Persistence;

namespace Serenity.Trading;

/// <summary>
/// One user's portfolio. The Account delivers fills (and resets) numbered 1, 2, 3...; the portfolio applies the next
/// number only, acknowledges duplicates without applying them again, and ignores gaps (the Account re-sends in order),
/// so every fill is applied exactly once whatever crashes or re-sends happen in between.
/// </summary>
public sealed class PortfolioEntity : ReceivePersistentActor
{
    private readonly string _userId;
    private readonly PortfolioState _state = new();
    private readonly int _snapshotEvery;

    /// <summary>The portfolio of <paramref name="userId"/>; a snapshot is saved every <paramref name="snapshotEvery"/> events.</summary>
    public PortfolioEntity(string userId, int snapshotEvery = 100)
    {
        _userId = userId;
        _snapshotEvery = Math.Max(1, snapshotEvery);
        Recover<SnapshotOffer>(o => { if (o.Snapshot is PortfolioSnapshot s) _state.Restore(s); });
        Recover<FillApplied>(e => _state.Apply(e.Fill));
        Recover<PortfolioReset>(e => _state.Reset(e.Seq));
        Command<PortfolioDelivery>(OnDelivery);
        Command<GetPortfolio>(_ => Sender.Tell(View()));
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(_ => { }); // the journal still holds everything
    }

    /// <summary>Props for the portfolio of <paramref name="userId"/>.</summary>
    public static Props Props(string userId, int snapshotEvery = 100) => Actors.Props.Create(() => new PortfolioEntity(userId, snapshotEvery));

    /// <inheritdoc />
    public override string PersistenceId => "portfolio-" + _userId;

    private void OnDelivery(PortfolioDelivery d)
    {
        if (d.Seq <= _state.AppliedSeq)
        {
            Sender.Tell(new DeliveryAck(_state.AppliedSeq)); // seen already: acknowledge, never apply twice
            return;
        }
        if (d.Seq != _state.AppliedSeq + 1) return; // a gap: wait for the Account to re-send in order
        var replyTo = Sender;
        if (d.Reset)
        {
            Persist(new PortfolioReset(d.Seq), e =>
            {
                _state.Reset(e.Seq);
                replyTo.Tell(new DeliveryAck(e.Seq));
                MaybeSnapshot();
            });
        }
        else if (d.Fill is { } fill && fill.Seq == d.Seq)
        {
            Persist(new FillApplied(fill), e =>
            {
                _state.Apply(e.Fill);
                replyTo.Tell(new DeliveryAck(e.Fill.Seq));
                MaybeSnapshot();
            });
        }
    }

    private void MaybeSnapshot()
    {
        if (LastSequenceNr % _snapshotEvery == 0) SaveSnapshot(_state.ToSnapshot());
    }

    private PortfolioView View() =>
        new(_userId, new Dictionary<string, Position>(_state.Positions, StringComparer.Ordinal), _state.RealizedPnl, _state.AppliedSeq);
}
