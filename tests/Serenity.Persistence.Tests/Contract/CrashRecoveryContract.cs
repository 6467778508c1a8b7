using System.Diagnostics;
using System.Globalization;
using Serenity.Persistence.Journal;

namespace Serenity.Persistence.Tests.Contract;

/// <summary>
/// Recovery after the process is killed mid-batch: runs tests/Serenity.Persistence.CrashWriter (persistent
/// actors writing batches of <see cref="BatchSize"/> events, printing <c>ack &lt;pid&gt; &lt;seq&gt;</c> once a
/// batch is durable), kills it hard, and checks the journal: no acknowledged event lost, no half batch
/// visible. Twice: the second run recovers from the first crash and goes on writing, and its writers persist with
/// <see cref="WriteDurability.Deferred"/>, which a kill of the process must not lose either (only a power loss may).
/// The plugin's test project must reference the CrashWriter project (so its build output sits beside the
/// tests), and its <see cref="PluginUnderTest.CrashWriterArguments"/> select the plugin.
/// </summary>
public abstract class CrashRecoveryContract(PluginUnderTest plugin) : IDisposable
{
    private const int Actors = 50;
    private const int BatchSize = 5;
    private const int AcksPerRun = 1_000;
    private static readonly TimeSpan RunBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_a_kill_mid_batch_no_acknowledged_event_is_lost_and_no_half_batch_is_visible()
    {
        var acknowledged = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var run = 1; run <= 2; run++)
        {
            var before = acknowledged.Values.Sum();
            await RunAndKillAsync(acknowledged, run == 1 ? WriteDurability.Synced : WriteDurability.Deferred);
            Assert.True(acknowledged.Values.Sum() > before, $"run {run}: no progress");
            await VerifyJournalAsync(acknowledged);
        }
    }

    /// <summary>Removes the plugin's storage.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes the plugin's storage.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing) plugin.Dispose();
    }

    private async Task RunAndKillAsync(Dictionary<string, long> acknowledged, WriteDurability durability)
    {
        using var writer = Process.Start(StartInfo(durability == WriteDurability.Deferred ? Actors : 0)) ?? throw new InvalidOperationException("the crash writer did not start");
        var errors = writer.StandardError.ReadToEndAsync();
        var seen = 0;
        try
        {
            using var timeout = new CancellationTokenSource(RunBound);
            while (seen < AcksPerRun)
            {
                var line = await writer.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    await writer.WaitForExitAsync(CancellationToken.None);
                    Assert.Fail($"the crash writer exited with code {writer.ExitCode} after {seen} acks: {await errors}");
                }
                if (Record(line, acknowledged)) seen++;
            }
            Assert.False(writer.HasExited, "the writer must still be running when it is killed");
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"only {seen} of {AcksPerRun} acks within {RunBound.TotalSeconds} s");
        }
        finally
        {
            writer.Kill(entireProcessTree: true);
            await writer.WaitForExitAsync(CancellationToken.None);
        }
        // Acks printed before the kill count too: they promised durability.
        while (await writer.StandardOutput.ReadLineAsync() is { } line) Record(line, acknowledged);
    }

    private async Task VerifyJournalAsync(Dictionary<string, long> acknowledged)
    {
        await using var journal = plugin.CreateJournalStore();
        await journal.InitializeAsync(CancellationToken.None);
        for (var i = 0; i < Actors; i++)
        {
            var id = $"crash-{i}";
            var stored = new List<long>();
            await journal.ReplayAsync(id, 1, long.MaxValue, long.MaxValue, r => stored.Add(r.SequenceNr), CancellationToken.None);
            Assert.True(stored.SequenceEqual(Enumerable.Range(1, stored.Count).Select(n => (long)n)), $"{id}: sequence nrs are not contiguous from 1");
            Assert.True(stored.Count % BatchSize == 0, $"{id}: {stored.Count} events stored, a half batch is visible");
            var acked = acknowledged.GetValueOrDefault(id);
            Assert.True(stored.Count >= acked, $"{id}: event {acked} was acknowledged but only {stored.Count} are stored");
        }
    }

    private static bool Record(string line, Dictionary<string, long> acknowledged)
    {
        var parts = line.Split(' ');
        if (parts is not ["ack", var id, var seq]) return false;
        var sequenceNr = long.Parse(seq, CultureInfo.InvariantCulture);
        Assert.True(sequenceNr % BatchSize == 0, $"ack of {id} {sequenceNr} is not the end of a batch");
        acknowledged[id] = Math.Max(acknowledged.GetValueOrDefault(id), sequenceNr);
        return true;
    }

    private ProcessStartInfo StartInfo(int deferredActors)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Serenity.Persistence.CrashWriter.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the plugin's test project must reference tests/Serenity.Persistence.CrashWriter");
        var info = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in plugin.CrashWriterArguments) info.ArgumentList.Add(a);
        foreach (var a in new[] { "--actors", $"{Actors}", "--deferred-actors", $"{deferredActors}", "--batch-size", $"{BatchSize}", "--max-seconds", "60" }) info.ArgumentList.Add(a);
        return info;
    }

    /// <summary>The dotnet host running the tests (set by the SDK), else the one on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
