using Serenity.Cluster.PubSub;
using Serenity.Risk.Measures;
using Serenity.Risk.Scenarios;

namespace Serenity.Risk.Entities;

/// <summary>
/// The Risk entity's figures. Every change (new scenarios, a fill, cash, a seeded price, drawdown points) reprices; the
/// snapshot is built when it is wanted: published at once while someone subscribes to <c>risk.{user}</c>, else built on
/// the next <see cref="GetRisk"/> from the same inputs. The entity does not keep published snapshots: 10,000 entities
/// keeping one each per minute made every garbage collection copy them into the old generation.
/// </summary>
public sealed partial class RiskEntity
{
    [ThreadStatic]
    private static PortfolioRiskCalculator? t_calculator;

    private readonly List<HistoryEntry> _history = [];
    private readonly List<RiskPosition> _positions = [];
    private string[]? _heldInOrder;
    private decimal[] _heldQuantities = [];
    private int[] _rows = [];
    private int[] _windowReturns = [];
    private ScenarioSet? _rowsOf;
    private RiskSnapshot? _snapshot;
    private DateTime _computedAt;
    private string? _riskTopic;
    private DistributedPubSub? _pubSub;

    private static PortfolioRiskCalculator Calculator => t_calculator ??= new PortfolioRiskCalculator();

    /// <summary>The snapshot of the current inputs (built once per change, on demand).</summary>
    private RiskSnapshot Snapshot()
    {
        if (_computedAt == default) Reprice(newScenarios: false);
        return _snapshot ??= Build(includeContributions: true).Snapshot!;
    }

    /// <summary>The inputs changed: a chart point for new scenarios, a push to subscribers.</summary>
    private void Reprice(bool newScenarios)
    {
        _snapshot = null;
        _computedAt = Now;
        LineUpPositions();
        var topic = _riskTopic ??= RiskTopics.Risk(_userId);
        var pubSub = _pubSub ??= DistributedPubSub.Get(Context.System);
        var publish = pubSub.SubscriberCount(topic) > 0;
        if (!publish && !newScenarios) return;
        var (report, snapshot) = Build(includeContributions: publish);
        if (newScenarios && report.AsOf is { } asOf) Remember(report, asOf);
        if (snapshot is not null) pubSub.Publish(topic, snapshot);
    }

    /// <summary>Figures of the current inputs; the snapshot only with contributions (a published one must be complete).</summary>
    private (RiskReport Report, RiskSnapshot? Snapshot) Build(bool includeContributions)
    {
        var report = Calculator.Compute(_scenarios.Scenarios, _positions, _rows, _cash, includeContributions);
        return (report, includeContributions
            ? RiskSnapshots.From(_userId, _computedAt, _settings.Risk.WindowLength, _cash, _positions, report, _windowReturns, _drawdown.View())
            : null);
    }

    /// <summary>
    /// The positions in symbol order (so the snapshot needs no sort) at their current prices, with their scenario rows:
    /// one lookup per position when the scenarios are new, none otherwise. The buffers are reused (snapshots copy them).
    /// </summary>
    private void LineUpPositions()
    {
        if (_heldInOrder is null)
        {
            _heldInOrder = [.. _holdings.Keys.Order(StringComparer.Ordinal)];
            _heldQuantities = [.. _heldInOrder.Select(s => _holdings[s])];
            _rows = new int[_heldInOrder.Length];
            _windowReturns = new int[_heldInOrder.Length];
            _rowsOf = null;
        }
        var scenarios = _scenarios;
        if (!ReferenceEquals(_rowsOf, scenarios.Scenarios))
        {
            _rowsOf = scenarios.Scenarios;
            for (var i = 0; i < _heldInOrder.Length; i++)
            {
                _rows[i] = scenarios.Scenarios.TryGetRow(_heldInOrder[i], out var row) ? row : -1;
                _windowReturns[i] = _rows[i] >= 0 ? scenarios.WindowCountAt(_rows[i]) : 0;
            }
        }
        _positions.Clear();
        for (var i = 0; i < _heldInOrder.Length; i++)
        {
            var symbol = _heldInOrder[i];
            var price = _rows[i] >= 0 && scenarios.CloseAt(_rows[i]) is { } close ? close : _fillPrices.GetValueOrDefault(symbol);
            _positions.Add(new RiskPosition(symbol, _heldQuantities[i], price));
        }
    }

    /// <summary>
    /// One chart point per scenario minute: a newer minute adds one; the same minute again (scenarios aligned for a
    /// position that opened mid-minute, then the minute's full publication) replaces the newest point.
    /// </summary>
    private void Remember(RiskReport r, DateTime asOf)
    {
        if (_history.Count > 0 && _history[^1].AsOf > asOf) return;
        if (_history.Count > 0 && _history[^1].AsOf == asOf) _history.RemoveAt(_history.Count - 1);
        _history.Add(new HistoryEntry(asOf, r.PortfolioValue, r.Historical95.Var, r.Historical99.Var, r.Historical95.ExpectedShortfall, r.Parametric95.Var, _drawdown.CurrentFraction));
        if (_history.Count > _settings.HistorySize) _history.RemoveRange(0, _history.Count - _settings.HistorySize);
    }

    /// <summary>The chart points, oldest first.</summary>
    private RiskHistoryPoint[] History()
    {
        var points = new RiskHistoryPoint[_history.Count];
        for (var i = 0; i < points.Length; i++)
        {
            var e = _history[i];
            points[i] = new RiskHistoryPoint(e.AsOf, e.PortfolioValue, e.Var95, e.Var99, e.ExpectedShortfall95, e.ParametricVar95, e.DrawdownFraction);
        }
        return points;
    }

    /// <summary>A chart point kept inline (a struct), so the minute's points are no objects for the collector to trace.</summary>
    private readonly record struct HistoryEntry(DateTime AsOf, decimal PortfolioValue, decimal Var95, decimal Var99, decimal ExpectedShortfall95, decimal ParametricVar95, double DrawdownFraction);
}
