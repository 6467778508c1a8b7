using System.Net;

namespace Serenity.MarketData.Alpaca.Rest;

/// <summary>The REST API answered an error (400, 403, 422, or 429 after every retry).</summary>
public sealed class AlpacaRestException : Exception
{
    /// <summary>An error answer.</summary>
    public AlpacaRestException(HttpStatusCode status, string message) : base($"Alpaca REST {(int)status}: {message}") => Status = status;

    /// <summary>Required by the analyzers.</summary>
    public AlpacaRestException()
    {
    }

    /// <summary>Required by the analyzers.</summary>
    public AlpacaRestException(string message) : base(message)
    {
    }

    /// <summary>Required by the analyzers.</summary>
    public AlpacaRestException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }
}
