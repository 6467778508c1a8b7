namespace Serenity.Risk.Measures;

/// <summary>
/// One position's share of the portfolio's figures; each kind sums over positions to the portfolio figure.
/// Historical: minus the position's P/L in the VaR scenario (ES: averaged over the tail scenarios).
/// Parametric (Euler): z x cov(position P/L, portfolio P/L) / sigma(portfolio P/L).
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Value">Signed market value.</param>
/// <param name="HistoricalVar95">Contribution to historical VaR 95%.</param>
/// <param name="HistoricalVar99">Contribution to historical VaR 99%.</param>
/// <param name="ExpectedShortfall95">Contribution to historical ES 95%.</param>
/// <param name="ExpectedShortfall99">Contribution to historical ES 99%.</param>
/// <param name="ParametricVar95">Contribution to parametric VaR 95%.</param>
/// <param name="ParametricVar99">Contribution to parametric VaR 99%.</param>
public sealed record PositionContribution(
    string Symbol,
    decimal Value,
    decimal HistoricalVar95,
    decimal HistoricalVar99,
    decimal ExpectedShortfall95,
    decimal ExpectedShortfall99,
    decimal ParametricVar95,
    decimal ParametricVar99);
