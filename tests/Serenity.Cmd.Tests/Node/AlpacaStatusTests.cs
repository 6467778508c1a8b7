using System.Globalization;
using System.Text.Json;
using Serenity.Cmd.Tests.Support;
using Serenity.MarketData.FakeAlpaca;
using Serenity.Server.Admin;
using Serenity.Server.Hosting;

namespace Serenity.Cmd.Tests.Node;

/// <summary>
/// <c>market-data status</c> of a node whose source is Alpaca's stream (the fake Alpaca server on loopback): the
/// connection's state, connects, reconnects with the reason, the last error code and the recent events.
/// </summary>
public sealed class AlpacaStatusTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _directory = new();
    private FakeAlpacaServer _alpaca = null!;
    private SerenityHost _host = null!;
    private CmdListener _cmd = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _alpaca = await FakeAlpacaServer.StartAsync();
        var hocon = $$"""
            serenity.market-data {
              source = alpaca
              alpaca {
                feed = iex
                stream-url = "ws://{{_alpaca.HttpBase.Authority}}/v2"
                key-id = "test-key"
                secret-key = "test-secret"
                reconnect { min-backoff = 50ms, max-backoff = 200ms }
              }
            }
            """;
        _host = await SerenityHost.StartAsync(SerenityHostOptions.ForTesting(_directory.Path, hocon)).WaitAsync(TimeSpan.FromSeconds(30));
        _cmd = (await _host.StartCmdListenerAsync(new CmdSettings { Port = 0 }))!;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await _cmd.DisposeAsync();
        await _host.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await _alpaca.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Status_reports_the_connection_its_events_and_a_reconnect_with_the_error_code()
    {
        var first = await StatusUntilAsync(s => s.GetProperty("connection").GetString() == "subscribed", "the first subscription");
        Assert.Equal(1, first.GetProperty("connects").GetInt64());
        Assert.Equal(0, first.GetProperty("reconnects").GetInt64());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("last_error_code").ValueKind);
        Assert.Equal(["connecting", "connected", "authenticated", "subscribed"], Events(first));

        // 407 (slow client): the client reports it, drops the connection and connects again.
        await _alpaca.Connections.Single().SendErrorAsync(407, "slow client");
        var again = await StatusUntilAsync(
            s => s.GetProperty("connects").GetInt64() == 2 && s.GetProperty("connection").GetString() == "subscribed", "the reconnect");
        Assert.Equal(1, again.GetProperty("reconnects").GetInt64());
        Assert.Equal(407, again.GetProperty("last_error_code").GetInt32());
        Assert.Contains("slow client", again.GetProperty("last_error").GetString());
        Assert.False(string.IsNullOrEmpty(again.GetProperty("last_disconnect").GetString()));
        var events = Events(again);
        Assert.Equal(["error", "disconnected", "reconnecting", "connecting", "connected", "authenticated", "subscribed"], events[^7..]);

        var table = await PbmRun.RunAsync([_cmd.Address, "market-data", "status"]);
        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        Assert.Matches(@"Source:\s+alpaca", table.Out);
        Assert.Matches(@"Connection:\s+subscribed", table.Out);
        Assert.Matches(@"Connects:\s+2", table.Out);
        Assert.Matches(@"Reconnects:\s+1", table.Out);
        Assert.Matches(@"Last error code:\s+407", table.Out);
        Assert.Contains("Connection events:", table.Out);
        Assert.Matches(@"reconnecting\s+attempt 1 in", table.Out);
    }

    private async Task<JsonElement> StatusUntilAsync(Func<JsonElement, bool> condition, string what) =>
        await Poll.UntilAsync(
            async () => JsonDocument.Parse((await PbmRun.RunAsync([_cmd.Address, "market-data", "status", "--json"])).Out).RootElement,
            condition, Bound, what, s => s.ToString());

    private static string[] Events(JsonElement status) =>
        [.. status.GetProperty("connection_events").EnumerateArray().Select(e => e.GetProperty("event").GetString() ?? "")];
}
