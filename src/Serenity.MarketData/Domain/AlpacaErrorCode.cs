namespace Serenity.MarketData;

/// <summary>The error codes of Alpaca's market-data stream.</summary>
public enum AlpacaErrorCode
{
    /// <summary>A code this client does not know.</summary>
    Unknown = 0,

    /// <summary>400: invalid syntax.</summary>
    InvalidSyntax = 400,

    /// <summary>401: not authenticated.</summary>
    NotAuthenticated = 401,

    /// <summary>402: auth failed (bad credentials).</summary>
    AuthFailed = 402,

    /// <summary>403: already authenticated.</summary>
    AlreadyAuthenticated = 403,

    /// <summary>404: auth timeout.</summary>
    AuthTimeout = 404,

    /// <summary>405: symbol limit exceeded.</summary>
    SymbolLimitExceeded = 405,

    /// <summary>406: connection limit exceeded.</summary>
    ConnectionLimitExceeded = 406,

    /// <summary>407: slow client.</summary>
    SlowClient = 407,

    /// <summary>408: v2 not enabled.</summary>
    V2NotEnabled = 408,

    /// <summary>409: insufficient subscription (e.g. SIP on a free plan).</summary>
    InsufficientSubscription = 409,

    /// <summary>500: internal error.</summary>
    InternalError = 500,
}

/// <summary>What the client does about each code (the protocol document's table).</summary>
public enum ErrorReaction
{
    /// <summary>Report and carry on.</summary>
    Report,

    /// <summary>Send the auth message again.</summary>
    Authenticate,

    /// <summary>Close and connect again after a backoff.</summary>
    Reconnect,

    /// <summary>Close and connect again after the long connection-limit backoff.</summary>
    ReconnectAfterConnectionLimit,

    /// <summary>Stop for good: nothing a retry fixes.</summary>
    Stop,
}

/// <summary>Maps codes to reactions.</summary>
public static class AlpacaErrorCodes
{
    /// <summary>The code for a number (<see cref="AlpacaErrorCode.Unknown"/> when not in the table).</summary>
    public static AlpacaErrorCode FromNumber(int code) =>
        Enum.IsDefined(typeof(AlpacaErrorCode), code) && code != 0 ? (AlpacaErrorCode)code : AlpacaErrorCode.Unknown;

    /// <summary>What a client does on <paramref name="code"/>.</summary>
    public static ErrorReaction ReactionTo(AlpacaErrorCode code) => code switch
    {
        AlpacaErrorCode.NotAuthenticated => ErrorReaction.Authenticate,
        AlpacaErrorCode.AuthFailed or AlpacaErrorCode.V2NotEnabled or AlpacaErrorCode.InsufficientSubscription => ErrorReaction.Stop,
        AlpacaErrorCode.AuthTimeout or AlpacaErrorCode.SlowClient or AlpacaErrorCode.InternalError => ErrorReaction.Reconnect,
        AlpacaErrorCode.ConnectionLimitExceeded => ErrorReaction.ReconnectAfterConnectionLimit,
        _ => ErrorReaction.Report,
    };
}
