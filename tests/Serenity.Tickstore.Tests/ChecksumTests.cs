namespace Serenity.Tickstore.Tests;

public sealed class ChecksumTests : IDisposable
{
    private readonly TempStore _t = new();

    public void Dispose() => _t.Dispose();

    private static readonly DateTime s_from = TempStore.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    [Theory]
    [InlineData(40)] // inside the header/directory
    [InlineData(-10)] // inside the last column block
    [InlineData(-1)] // the checksum itself
    public void A_flipped_byte_is_detected_by_select_and_by_verify(int position)
    {
        var v = _t.Store.Insert("AAPL", TempStore.Day, TempStore.Minutes("AAPL", TempStore.Day, 100));
        var path = Path.Combine(_t.Root, v.Path!);
        var bytes = File.ReadAllBytes(path);
        bytes[position >= 0 ? position : bytes.Length + position] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<TickstoreCorruptionException>(() => _t.Store.Select("AAPL", s_from, s_from.AddDays(1)));
        Assert.Contains("AAPL_v0001.bars", e.Message, StringComparison.Ordinal);
        var report = _t.Store.Verify();
        Assert.False(report.Healthy);
        Assert.Single(report.Corrupt);
    }

    [Fact]
    public void A_valid_file_swapped_for_another_is_caught_by_the_index_checksum()
    {
        var v1 = _t.Store.Insert("AAPL", TempStore.Day, TempStore.Minutes("AAPL", TempStore.Day, 10));
        _t.Clock.Advance(TimeSpan.FromSeconds(1));
        var v2 = _t.Store.Insert("AAPL", TempStore.Day, TempStore.Minutes("AAPL", TempStore.Day, 10, 50m));
        File.Copy(Path.Combine(_t.Root, v1.Path!), Path.Combine(_t.Root, v2.Path!), overwrite: true);
        var e = Assert.Throws<TickstoreCorruptionException>(() => _t.Store.Select("AAPL", s_from, s_from.AddDays(1)));
        Assert.Contains("index", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_truncated_file_is_reported()
    {
        var v = _t.Store.Insert("AAPL", TempStore.Day, TempStore.Minutes("AAPL", TempStore.Day, 10));
        var path = Path.Combine(_t.Root, v.Path!);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..20]);
        Assert.Throws<TickstoreCorruptionException>(() => _t.Store.Select("AAPL", s_from, s_from.AddDays(1)));
        File.Delete(path);
        Assert.Contains("missing", Assert.Single(_t.Store.Verify().Corrupt), StringComparison.Ordinal);
    }

    [Fact]
    public void A_healthy_store_verifies_clean()
    {
        _t.Store.Insert("AAPL", TempStore.Day, TempStore.Minutes("AAPL", TempStore.Day, 10));
        var report = _t.Store.Verify();
        Assert.True(report.Healthy);
        Assert.Equal(1, report.FilesChecked);
        Assert.Empty(report.Orphans);
    }
}
