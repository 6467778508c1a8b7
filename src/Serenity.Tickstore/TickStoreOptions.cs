namespace Serenity.Tickstore;

/// <summary>Where a <see cref="TickStore"/> keeps its files and which clock stamps its versions.</summary>
public sealed record TickStoreOptions
{
    /// <summary>The default root folder (<c>serenity.tickstore.root</c>).</summary>
    public const string DefaultRoot = "./data/tickstore";

    /// <summary>The root folder: <c>YYYY/MM/DD/SYMBOL_vNNNN.bars|.quotes</c> files and <c>index.db</c>.</summary>
    public string Root { get; init; } = DefaultRoot;

    /// <summary>The clock of recorded time (the bitemporal "as of" axis); UTC.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Test hook: runs after a data file is renamed into place and before its index row commits.</summary>
    internal Action<string>? AfterFileRenamed { get; init; }
}
