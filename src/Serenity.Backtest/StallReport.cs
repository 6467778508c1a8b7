using System.Text;
using Serenity.Actors;
using Serenity.Risk.Entities;
using Serenity.Risk.Entities.Strategies;
using Serenity.Trading;

namespace Serenity.Backtest;

/// <summary>
/// What the run looked like when it stopped making progress: the driver's and the observer's state, and which of the
/// actors the driver waits on still answer (each asked with a short real-time limit; the system's own Ask timeouts are
/// on the virtual clock, which no longer moves). Goes into the stall error, so a hang names its culprit.
/// </summary>
internal static class StallReport
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    public static async Task<string> DescribeAsync(ActorSystem system, IActorRef driver, IActorRef observer, BacktestDriver.Plan plan, TradingEntities trading, IReadOnlyList<string> symbols)
    {
        var lines = new StringBuilder();
        // Before any probe wakes a mailbox up.
        foreach (var busy in MailboxDiagnostics.Busy(system)) lines.Append("mailbox ").AppendLine(busy);
        lines.AppendLine(await Probe("driver", driver, BacktestDriver.DescribeState.Instance, (string s) => s).ConfigureAwait(false));
        lines.AppendLine(await Probe("observer", observer, BacktestDriver.DescribeState.Instance, (string s) => s).ConfigureAwait(false));
        lines.AppendLine(await Probe("strategy runner", plan.Strategies, GetStrategies.Instance, (StrategiesView v) => $"{v.Strategies.Count} strategies, warming up [{string.Join(", ", v.WarmingUp)}]").ConfigureAwait(false));
        lines.AppendLine(await Probe("risk entity", plan.Risk, GetRisk.Instance, (RiskView v) => $"as of {v.Snapshot.AsOf:O}, {v.Snapshot.ScenarioCount} scenarios").ConfigureAwait(false));
        lines.AppendLine(await Probe("scenario hub", plan.Hub, GetScenarioHubStats.Instance, (ScenarioHubStats s) => $"windows [{Join(s.Windows)}], holders [{Join(s.Holders)}], version {s.Version}").ConfigureAwait(false));
        lines.AppendLine(await Probe("portfolio", plan.Portfolio, new GetPortfolio(), (PortfolioView v) => $"positions [{string.Join(", ", v.Positions.Values.Select(p => $"{p.Symbol} {p.Quantity} mark {p.MarketPrice?.ToString() ?? "none"}"))}]").ConfigureAwait(false));
        foreach (var symbol in symbols)
        {
            lines.AppendLine(await Probe("ticker " + symbol, trading.Ticker(symbol), new GetQuote(), (QuoteReply q) => $"quote at {q.Quote?.Timestamp:O}").ConfigureAwait(false));
        }
        lines.Append("virtual clock: ").Append(plan.Clock.GetUtcNow().ToString("O")).Append(", timers pending: ").Append(plan.Clock.PendingTimers);
        return lines.ToString();
    }

    private static async Task<string> Probe<T>(string name, ICanTell target, object message, Func<T, string> describe)
    {
        using var cts = new CancellationTokenSource(Limit);
        try
        {
            var answer = target switch
            {
                Serenity.Cluster.Sharding.EntityRef entity => await entity.Ask<T>(message, Timeout.InfiniteTimeSpan, cts.Token).ConfigureAwait(false),
                _ => await target.Ask<T>(message, Timeout.InfiniteTimeSpan, cts.Token).ConfigureAwait(false),
            };
            return name + ": " + describe(answer);
        }
        catch (OperationCanceledException)
        {
            return name + ": NO ANSWER within " + Limit.TotalSeconds + " s";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return name + ": " + e.GetType().Name + ": " + e.Message;
        }
    }

    private static string Join(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));
}
