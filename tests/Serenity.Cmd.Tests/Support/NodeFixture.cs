using Serenity.MarketData;
using Serenity.Server.Admin;
using Serenity.Server.Hosting;
using Serenity.Trading;

namespace Serenity.Cmd.Tests.Support;

/// <summary>
/// One real node for the pbm tests: an in-process SerenityHost on a free loopback port with two admin listeners (one
/// open, one that requires the token), risk entities, and a user <see cref="User"/> holding AAPL.
/// </summary>
public sealed class NodeFixture : IAsyncLifetime
{
    /// <summary>The guarded listener's admin token.</summary>
    public const string Token = "pbm-test-token";

    /// <summary>A registered user with an AAPL position.</summary>
    public const string User = "alice";

    private readonly TempDirectory _directory = new();

    /// <summary>The node.</summary>
    public SerenityHost Host { get; private set; } = null!;

    /// <summary>The listener on 127.0.0.1 that does not ask for the token.</summary>
    public CmdListener Open { get; private set; } = null!;

    /// <summary>The listener on 127.0.0.1 configured to require the token (as one beyond loopback does).</summary>
    public CmdListener Guarded { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var options = SerenityHostOptions.ForTesting(_directory.Path) with { TokenSecret = "test-secret" };
        Host = await SerenityHost.StartAsync(options).WaitAsync(TimeSpan.FromSeconds(30));
        var timeout = TimeSpan.FromSeconds(10);
        Open = (await Host.StartCmdListenerAsync(new CmdSettings { Port = 0 }))!;
        Guarded = (await Host.StartCmdListenerAsync(new CmdSettings { Port = 0, RequireToken = true }, new CmdListenerOptions { AdminToken = Token }))!;
        await BuyAaplAsync(timeout);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Open.DisposeAsync();
        await Guarded.DisposeAsync();
        await Host.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        _directory.Dispose();
    }

    private async Task BuyAaplAsync(TimeSpan timeout)
    {
        var registered = await Host.Entities.Account(User).Ask<CommandResult>(new Register(User, "correct-horse-battery"), timeout);
        Assert.True(registered.Success, registered.Reason);
        var filled = await Signals.NextAsync<PortfolioUpdated>(Host.System, TradingTopics.Portfolio(User), u => u.Portfolio.Positions.ContainsKey("AAPL"));
        OrderResult? result = null;
        for (var attempt = 0; attempt < 5 && result?.Accepted != true; attempt++)
        {
            // The ticker prices market orders from its latest quote: wait for one, then order (again if it had none yet).
            await (await Signals.NextAsync<Quote>(Host.System, "quotes.AAPL")).WaitAsync(timeout);
            result = await Host.Entities.Account(User).Ask<OrderResult>(new SubmitOrder("AAPL", OrderSide.Buy, 3), timeout);
        }
        Assert.True(result?.Accepted, result?.Reason);
        await filled.WaitAsync(timeout);
    }
}

/// <summary>The tests that share one node.</summary>
[CollectionDefinition(Name)]
public sealed class NodeCollection : ICollectionFixture<NodeFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "node";
}
