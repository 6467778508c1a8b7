using Serenity.Cmd.Commands;

namespace Serenity.Cmd.Catalog;

/// <summary>Every palette of <c>pbm</c>, in the order help lists them.</summary>
internal static class CommandCatalog
{
    /// <summary>The palettes.</summary>
    public static IReadOnlyList<PaletteSpec> Palettes { get; } =
    [
        ActorPalette.Palette,
        ClusterPalette.Palette,
        ShardingPalette.Palette,
        MarketDataPalette.Palette,
        OtherPalettes.Journal,
        UserPalettes.Account,
        UserPalettes.Portfolio,
        UserPalettes.Risk,
        OtherPalettes.Log,
    ];

    /// <summary>The palette names, comma-separated.</summary>
    public static string PaletteList => string.Join(", ", Palettes.Select(p => p.Name));

    /// <summary>The palette called <paramref name="name"/>, or null.</summary>
    public static PaletteSpec? Find(string name) => Palettes.FirstOrDefault(p => p.Name == name);
}
