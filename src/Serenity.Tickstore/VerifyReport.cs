namespace Serenity.Tickstore;

/// <summary>What <see cref="TickStore.Verify"/> found.</summary>
/// <param name="FilesChecked">Indexed files read and checked.</param>
/// <param name="Corrupt">Indexed files that are missing or damaged, with the reason.</param>
/// <param name="Orphans">Data or temp files under the root that no version references (left by a crash), relative paths.</param>
/// <param name="OrphansRemoved">How many orphans were deleted (only when asked to clean).</param>
public sealed record VerifyReport(int FilesChecked, IReadOnlyList<string> Corrupt, IReadOnlyList<string> Orphans, int OrphansRemoved)
{
    /// <summary>True when no indexed file is missing or damaged.</summary>
    public bool Healthy => Corrupt.Count == 0;
}
