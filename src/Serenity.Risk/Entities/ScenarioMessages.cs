using Serenity.Risk.Scenarios;

namespace Serenity.Risk.Entities;

/// <summary>
/// The node's scenario hub published a new scenario set (on the node's event stream): every tracked symbol's window lined up
/// by bar time, and each symbol's newest close. Immutable and shared by reference by every Risk entity of the node, which
/// only reprices its positions over it.
/// </summary>
/// <param name="Version">Increases with every publication.</param>
/// <param name="Scenarios">The aligned returns of every tracked symbol.</param>
/// <param name="Closes">Each tracked symbol's newest close.</param>
/// <param name="WindowCounts">Returns each tracked symbol's window holds.</param>
public sealed record RiskScenarios(long Version, ScenarioSet Scenarios, IReadOnlyDictionary<string, decimal> Closes, IReadOnlyDictionary<string, int> WindowCounts)
{
    // Closes and window counts by scenario row, so a Risk entity finds all three with one lookup per position.
    private readonly decimal?[] _closeByRow = [.. Scenarios.Symbols.Select(s => Closes.TryGetValue(s, out var c) ? c : (decimal?)null)];
    private readonly int[] _countByRow = [.. Scenarios.Symbols.Select(s => WindowCounts.GetValueOrDefault(s))];

    /// <summary>Nothing tracked yet.</summary>
    public static RiskScenarios Empty { get; } = new(0, ScenarioSet.Empty, new Dictionary<string, decimal>(), new Dictionary<string, int>());

    /// <summary>The newest close of the symbol of scenario row <paramref name="row"/> (null: no bar yet).</summary>
    internal decimal? CloseAt(int row) => _closeByRow[row];

    /// <summary>Returns the window of the symbol of scenario row <paramref name="row"/> holds.</summary>
    internal int WindowCountAt(int row) => _countByRow[row];
}

/// <summary>A Risk entity (the sender) now holds <paramref name="Add"/> and no longer holds <paramref name="Remove"/>.</summary>
public sealed record TrackSymbols(IReadOnlyList<string> Add, IReadOnlyList<string> Remove);

/// <summary>Asks the hub for its newest <see cref="RiskScenarios"/>.</summary>
public sealed record GetLatestScenarios
{
    /// <summary>The one instance.</summary>
    public static readonly GetLatestScenarios Instance = new();
}

/// <summary>Asks the hub for scenarios that include <paramref name="Symbol"/> (seeding its window for a while when nobody holds it).</summary>
public sealed record GetScenariosWith(string Symbol);

/// <summary>Asks the hub for <see cref="ScenarioHubStats"/>.</summary>
public sealed record GetScenarioHubStats
{
    /// <summary>The one instance.</summary>
    public static readonly GetScenarioHubStats Instance = new();
}

/// <summary>
/// Asks the hub for <see cref="ScenarioHubStats"/> once no window is being seeded (at once when none is): one answer
/// instead of polling <see cref="GetScenarioHubStats"/> while a Ticker's bars are on their way.
/// </summary>
public sealed record GetScenarioHubStatsWhenSeeded
{
    /// <summary>The one instance.</summary>
    public static readonly GetScenarioHubStatsWhenSeeded Instance = new();
}

/// <summary>What the hub holds: per symbol the returns in its window and how many Risk entities hold it.</summary>
/// <param name="Windows">Symbol to returns held.</param>
/// <param name="Holders">Symbol to the number of Risk entities that hold it (0: kept for a pre-trade check only).</param>
/// <param name="Version">The newest publication's version.</param>
/// <param name="Publications">Scenario sets published so far.</param>
public sealed record ScenarioHubStats(IReadOnlyDictionary<string, int> Windows, IReadOnlyDictionary<string, int> Holders, long Version, long Publications);
