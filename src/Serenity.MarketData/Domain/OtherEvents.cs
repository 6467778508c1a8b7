namespace Serenity.MarketData;

/// <summary>A correction of an earlier trade (<c>c</c>): original and corrected id, price, size and conditions.</summary>
public sealed record TradeCorrection(
    string Symbol,
    DateTime Timestamp,
    char Exchange,
    long OriginalId,
    decimal OriginalPrice,
    decimal OriginalSize,
    Conditions OriginalConditions,
    long CorrectedId,
    decimal CorrectedPrice,
    decimal CorrectedSize,
    Conditions CorrectedConditions,
    char Tape = '\0') : MarketEvent(Symbol, Timestamp);

/// <summary>Whether a <see cref="TradeCancel"/> cancels a trade or marks it an error.</summary>
public enum TradeCancelAction
{
    /// <summary><c>C</c>.</summary>
    Cancel,

    /// <summary><c>E</c>.</summary>
    Error,
}

/// <summary>A cancelled or erroneous trade (<c>x</c>).</summary>
public sealed record TradeCancel(
    string Symbol,
    DateTime Timestamp,
    long Id,
    char Exchange,
    decimal Price,
    decimal Size,
    TradeCancelAction Action,
    char Tape = '\0') : MarketEvent(Symbol, Timestamp);

/// <summary>A trading status change (<c>s</c>): halts, resumptions and their reasons.</summary>
public sealed record TradingStatus(
    string Symbol,
    DateTime Timestamp,
    string StatusCode,
    string StatusMessage,
    string ReasonCode,
    string ReasonMessage,
    char Tape = '\0') : MarketEvent(Symbol, Timestamp)
{
    /// <summary>Alpaca's status code of a trading halt.</summary>
    public const string HaltCode = "H";

    /// <summary>Alpaca's status code of trading resumed.</summary>
    public const string ResumeCode = "T";
}

/// <summary>Limit up / limit down price band (<c>l</c>).</summary>
public sealed record LimitUpLimitDown(
    string Symbol,
    DateTime Timestamp,
    decimal LimitUp,
    decimal LimitDown,
    char Indicator,
    char Tape = '\0') : MarketEvent(Symbol, Timestamp);

/// <summary>An order imbalance (<c>i</c>).</summary>
public sealed record OrderImbalance(string Symbol, DateTime Timestamp, decimal Price, char Tape = '\0') : MarketEvent(Symbol, Timestamp);
