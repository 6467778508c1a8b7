using Serenity.Actors;
using Serenity.Cluster.PubSub;
using Serenity.Cluster.Sharding;
using Serenity.Trading;

namespace Serenity.Backtest;

/// <summary>
/// The driver's wait for a portfolio view in which every position has a mark. A position opened this minute is marked
/// only when its Ticker's answer comes back to the Portfolio (the minute's quotes went out before it was held), and
/// that answer takes an asynchronous hop: instead of asking again and again meanwhile, the driver then follows
/// <c>portfolio.{user}</c>, where the Portfolio publishes the revaluation, and asks once more (the answer may have come
/// before the subscription). Answers to asks are matched by count, so a late one is never taken for a newer minute.
/// </summary>
internal sealed class MarkedPortfolioWait(EntityRef portfolio, string user)
{
    private readonly GetPortfolio _get = new();
    private readonly string _topic = TradingTopics.Portfolio(user);
    private int _asksInFlight;
    private bool _following;

    /// <summary>True from <see cref="Start"/> until a marked view is in.</summary>
    public bool Waiting { get; private set; }

    /// <summary>The marked view (null while waiting).</summary>
    public PortfolioView? View { get; private set; }

    public void Start(IActorContext context)
    {
        Waiting = true;
        View = null;
        Ask(context);
    }

    /// <summary>An answer to an ask; true when it completed the wait.</summary>
    public bool OnView(PortfolioView view, IActorContext context)
    {
        _asksInFlight--;
        return Waiting && _asksInFlight == 0 && Offer(view, context);
    }

    /// <summary>A revaluation published on the topic; true when it completed the wait.</summary>
    public bool OnUpdate(PortfolioUpdated update, IActorContext context) => Waiting && Offer(update.Portfolio, context);

    private bool Offer(PortfolioView view, IActorContext context)
    {
        if (view.Positions.Values.Any(p => p.MarketPrice is null))
        {
            if (_following) return false;
            _following = true;
            DistributedPubSub.Get(context.System).Subscribe(_topic, context.Self);
            Ask(context);
            return false;
        }
        if (_following)
        {
            _following = false;
            DistributedPubSub.Get(context.System).Unsubscribe(_topic, context.Self);
        }
        Waiting = false;
        View = view;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"waiting {Waiting}, asks in flight {_asksInFlight}, following {_following}";

    private void Ask(IActorContext context)
    {
        _asksInFlight++;
        portfolio.Tell(_get, context.Self);
    }
}
