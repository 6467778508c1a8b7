using System.Text;
using Serenity.Tickstore.Format;
using Serenity.Tickstore.Series;

namespace Serenity.Tickstore.Tests;

public sealed class FormatTests
{
    [Fact]
    public void Crc32c_matches_the_standard_check_value_on_both_paths()
    {
        var data = Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0xE3069283u, Crc32C.Compute(data));
        Assert.Equal(0xE3069283u, Crc32C.ComputePortable(data));
        var random = new byte[1001];
        new Random(7).NextBytes(random);
        Assert.Equal(Crc32C.ComputePortable(random), Crc32C.Compute(random));
    }

    [Fact]
    public void Bars_round_trip_through_the_file_format_with_extreme_values()
    {
        var day = TempStore.Day;
        var bars = TempStore.Minutes("X", day, 50);
        bars[3] = bars[3] with { Open = ScaledDecimal.MaxValue, Low = -ScaledDecimal.MaxValue, Volume = 0.00000001m, TradeCount = long.MaxValue };
        bars[4] = bars[4] with { Timestamp = bars[4].Timestamp.AddTicks(1) }; // irregular spacing
        var series = BarSeries.From("X", bars);
        var bytes = BarFormat.Instance.Encode(series);
        var reader = TickFileReader.Open(bytes, bytes.Length, "test");
        var decoded = BarFormat.Instance.Create("X", reader.RowCount);
        BarFormat.Instance.Decode(reader, decoded, 0);
        Assert.Equal(bars, decoded.ToBars());
        Assert.Equal("X", reader.Symbol);
        Assert.Equal(SeriesKind.Bars, reader.Kind);
    }

    [Fact]
    public void The_encoding_is_compact_for_regular_minute_bars()
    {
        var bars = TempStore.Minutes("AAPL", TempStore.Day, 1440, startHour: 0, startMinute: 0);
        var bytes = BarFormat.Instance.Encode(BarSeries.From("AAPL", bars));
        Assert.True(bytes.Length < 1440 * 12, $"{bytes.Length} bytes for 1440 bars");
    }

    [Fact]
    public void Scaled_decimals_reject_what_does_not_fit_and_print_without_trailing_zeros()
    {
        Assert.Equal(10_050_000_000L, ScaledDecimal.ToScaled(100.5m, "p"));
        Assert.Equal("100.5", ScaledDecimal.FromScaled(10_050_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(-0.00000001m, ScaledDecimal.FromScaled(-1));
        Assert.Equal(-ScaledDecimal.MaxValue, ScaledDecimal.FromScaled(-long.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScaledDecimal.ToScaled(0.000000001m, "p"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScaledDecimal.ToScaled(ScaledDecimal.MaxValue + 1, "p"));
    }
}
