using System.Diagnostics;
using Serenity.Risk.Measures;
using Serenity.Risk.Scenarios;
using Serenity.Risk.Windows;

namespace Serenity.Benchmarks;

/// <summary>
/// var_refresh_10k: 500 symbols, each with a window of 60 minute returns; 10,000 portfolios of 20 positions
/// drawn from them. One refresh = a minute's bars for all 500 symbols advance their windows, the windows are
/// lined up into one shared scenario set, every position is repriced at its new close, and historical and
/// parametric VaR/ES at 95% and 99% (money and fraction), exposure and concentration are computed for every
/// portfolio, on all cores. The figure is the median of 21 refreshes, in milliseconds.
/// </summary>
internal static class RiskRefreshBenchmark
{
    private const int Symbols = 500;
    private const int Portfolios = 10_000;
    private const int PositionsPer = 20;
    private const int Window = 60;

    public static double Measure()
    {
        var market = new Market(new Random(2));
        var book = new Book(market, new Random(3));
        StreamBenchmarks.WarmUp(() => Refresh(market, book));
        var samples = new double[21];
        for (var i = 0; i < samples.Length; i++)
        {
            var sw = Stopwatch.StartNew();
            Refresh(market, book);
            samples[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        if (book.Reports[0] is not { HasScenarios: true } r || r.Historical95.Var <= 0m) throw new InvalidOperationException("no VaR computed");
        return samples[samples.Length / 2];
    }

    private static void Refresh(Market market, Book book)
    {
        market.NextMinute();
        var scenarios = ScenarioSet.Align(market.Windows, Window);
        Parallel.For(
            0,
            Portfolios,
            () => new PortfolioRiskCalculator(),
            (p, _, calculator) =>
            {
                var positions = book.Positions[p];
                for (var i = 0; i < positions.Length; i++) positions[i] = positions[i] with { Price = market.Closes[book.SymbolIndex[p][i]] };
                book.Reports[p] = calculator.Compute(scenarios, positions, 10_000m);
                return calculator;
            },
            _ => { });
    }

    private sealed class Market
    {
        private readonly Random _random;
        private DateTime _now = new(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc);

        public Market(Random random)
        {
            _random = random;
            Names = Enumerable.Range(0, Symbols).Select(i => $"S{i:D3}").ToArray();
            Closes = Enumerable.Range(0, Symbols).Select(_ => 20m + _random.Next(0, 500)).ToArray();
            Windows = Names.Select(n => new KeyValuePair<string, RollingReturnWindow>(n, new RollingReturnWindow(Window))).ToList();
            for (var m = 0; m <= Window; m++) NextMinute();
        }

        public string[] Names { get; }

        public decimal[] Closes { get; }

        public List<KeyValuePair<string, RollingReturnWindow>> Windows { get; }

        public void NextMinute()
        {
            _now = _now.AddMinutes(1);
            for (var s = 0; s < Symbols; s++)
            {
                Closes[s] = Math.Max(1m, Math.Round(Closes[s] * (1m + (decimal)((_random.NextDouble() - 0.5) * 0.004)), 2));
                Windows[s].Value.Add(_now, Closes[s]);
            }
        }
    }

    private sealed class Book
    {
        public Book(Market market, Random random)
        {
            Positions = new RiskPosition[Portfolios][];
            SymbolIndex = new int[Portfolios][];
            Reports = new RiskReport?[Portfolios];
            for (var p = 0; p < Portfolios; p++)
            {
                SymbolIndex[p] = Enumerable.Range(0, Symbols).OrderBy(_ => random.Next()).Take(PositionsPer).ToArray();
                Positions[p] = SymbolIndex[p].Select(s => new RiskPosition(market.Names[s], random.Next(-50, 200) + 1, market.Closes[s])).ToArray();
            }
        }

        public RiskPosition[][] Positions { get; }

        public int[][] SymbolIndex { get; }

        public RiskReport?[] Reports { get; }
    }
}
