using System.Diagnostics;

namespace Serenity.Tickstore.Tests;

/// <summary>Runs tests/Serenity.Tickstore.CrashWriter and kills it between the rename of a new file and its index commit.</summary>
public sealed class CrashTests : IDisposable
{
    private readonly TempStore _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public async Task A_writer_killed_between_rename_and_index_commit_leaves_the_old_version_and_an_orphan_that_verify_cleans()
    {
        var day = TempStore.Day;
        var original = TempStore.Minutes("AAPL", day, 10);
        _t.Store.Insert("AAPL", day, original);
        _t.Store.Dispose();

        using (var writer = Process.Start(StartInfo(_t.Root, "AAPL", day))!)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await writer.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.True(line?.StartsWith("renamed ", StringComparison.Ordinal), $"writer said '{line}', stderr: {await ReadErrorAsync(writer, line)}");
            Assert.True(File.Exists(line!["renamed ".Length..]));
            writer.Kill(entireProcessTree: true);
            await writer.WaitForExitAsync(timeout.Token);
        }

        _t.Reopen();
        var from = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Assert.Equal(original, _t.Store.Select("AAPL", from, from.AddDays(1)).ToBars());
        Assert.Single(_t.Store.Versions("AAPL", day));

        var report = _t.Store.Verify();
        Assert.True(report.Healthy);
        Assert.Equal(["2024/03/04/AAPL_v0002.bars"], report.Orphans);
        Assert.Equal(1, _t.Store.Verify(clean: true).OrphansRemoved);
        Assert.False(File.Exists(Path.Combine(_t.Root, "2024/03/04/AAPL_v0002.bars")));
        Assert.Empty(_t.Store.Verify().Orphans);

        var again = _t.Store.Insert("AAPL", day, TempStore.Minutes("AAPL", day, 3, 5m));
        Assert.Equal(2, again.Version);
        Assert.Equal(5m, _t.Store.Select("AAPL", from, from.AddDays(1)).CloseAt(0));
    }

    private static async Task<string> ReadErrorAsync(Process writer, string? line) =>
        line is null ? await writer.StandardError.ReadToEndAsync() : "";

    private static ProcessStartInfo StartInfo(string root, string symbol, DateOnly day)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Serenity.Tickstore.CrashWriter.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");
        var info = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, root, symbol, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }) info.ArgumentList.Add(a);
        return info;
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
