namespace Serenity.Actors.Tests;

/// <summary>
/// Tests that flood the thread pool (ordering under load, fairness) run alone, so they neither slow
/// down nor are slowed down by the other test classes running in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyLoadCollection
{
    public const string Name = "heavy load";
}
