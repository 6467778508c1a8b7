namespace Serenity.MarketData.Alpaca;

/// <summary>The stream stopped for good on an error a retry cannot fix (auth failed, v2 not enabled, insufficient subscription).</summary>
public sealed class AlpacaStreamException : Exception
{
    /// <summary>An exception for a server error.</summary>
    public AlpacaStreamException(StreamError error)
        : base($"Alpaca stream error {error?.Number}: {error?.Message}") => Error = error ?? throw new ArgumentNullException(nameof(error));

    /// <summary>Required by the analyzers; prefer the constructor taking a <see cref="StreamError"/>.</summary>
    public AlpacaStreamException() : this(new StreamError(0, "unknown"))
    {
    }

    /// <summary>Required by the analyzers.</summary>
    public AlpacaStreamException(string message) : base(message) => Error = new StreamError(0, message);

    /// <summary>Required by the analyzers.</summary>
    public AlpacaStreamException(string message, Exception inner) : base(message, inner) => Error = new StreamError(0, message);

    /// <summary>The error as the server sent it.</summary>
    public StreamError Error { get; }

    /// <summary>Its typed code.</summary>
    public AlpacaErrorCode Code => Error.Code;
}
