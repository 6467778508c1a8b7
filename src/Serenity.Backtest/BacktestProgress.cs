namespace Serenity.Backtest;

/// <summary>How far a backtest is: minutes replayed so far and the virtual time reached.</summary>
/// <param name="Minutes">Minutes replayed.</param>
/// <param name="Time">Virtual time reached.</param>
/// <param name="Fraction">Share of [from, to) covered, 0..1.</param>
public readonly record struct BacktestProgress(int Minutes, DateTime Time, double Fraction);
