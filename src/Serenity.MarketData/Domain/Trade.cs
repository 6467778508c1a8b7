namespace Serenity.MarketData;

/// <summary>One print on the tape.</summary>
public sealed record Trade(
    string Symbol,
    DateTime Timestamp,
    decimal Price,
    decimal Size,
    long Id = 0,
    char Exchange = '\0',
    Conditions? Conditions = null,
    char Tape = '\0') : MarketEvent(Symbol, Timestamp)
{
    private readonly SymbolIdHint _symbolId; // out of the record's value, see MarketEvent.SymbolId

    internal override int SymbolId { get => _symbolId.Value; init => _symbolId = new SymbolIdHint(value); }
}
