using Serenity.Actors;
using Serenity.Server.Auth;

namespace Serenity.Server.Tests.Unit;

public sealed class TokenServiceTests
{
    [Fact]
    public void A_token_names_its_user_until_it_expires()
    {
        var clock = new VirtualTimeProvider(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        var tokens = new TokenService("secret", clock, TimeSpan.FromMinutes(10));
        var (token, expires) = tokens.Issue("ada");
        Assert.Equal(new DateTime(2026, 1, 5, 12, 10, 0, DateTimeKind.Utc), expires);
        Assert.Equal("ada", tokens.Validate(token));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(tokens.Validate(token));
    }

    [Fact]
    public void Tampered_tokens_and_tokens_of_another_secret_are_refused()
    {
        var clock = new VirtualTimeProvider();
        var tokens = new TokenService("secret", clock, TimeSpan.FromHours(1));
        var (token, _) = tokens.Issue("ada");
        var (bobs, _) = tokens.Issue("bob");
        var swapped = bobs[..bobs.IndexOf('.', StringComparison.Ordinal)] + token[token.IndexOf('.', StringComparison.Ordinal)..];
        Assert.Null(tokens.Validate(swapped));
        Assert.Null(new TokenService("other", clock, TimeSpan.FromHours(1)).Validate(token));
        Assert.Null(new TokenService(null, clock, TimeSpan.FromHours(1)).Validate(token)); // a random secret per process
        Assert.Null(tokens.Validate(""));
        Assert.Null(tokens.Validate("a.b.c"));
    }
}
