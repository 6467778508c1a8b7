namespace Serenity.Tickstore;

/// <summary>A stored file is damaged: bad magic, checksum mismatch, truncated or inconsistent with the index.</summary>
public sealed class TickstoreCorruptionException : Exception
{
    /// <summary>An exception with no message.</summary>
    public TickstoreCorruptionException()
    {
    }

    /// <summary>An exception saying what is wrong.</summary>
    public TickstoreCorruptionException(string message)
        : base(message)
    {
    }

    /// <summary>An exception saying what is wrong, caused by <paramref name="inner"/>.</summary>
    public TickstoreCorruptionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
