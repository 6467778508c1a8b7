using Xunit.Abstractions;

namespace Serenity.Trading.Tests;

public sealed class AccountLoginTests(ITestOutputHelper output) : TradingTestBase(output)
{
    [Fact]
    public void Register_then_login_with_the_right_password()
    {
        Registered("alice");
        Assert.Equal(new LoginResult(true, null), AskAccount<LoginResult>("alice", new Login("alice", "correct horse")));
        var view = AskAccount<AccountView>("alice", new GetAccount());
        Assert.True(view.Registered);
        Assert.Equal(10000m, view.Cash);
    }

    [Fact]
    public void Registering_twice_or_with_a_short_password_is_rejected_with_field_and_reason()
    {
        Assert.Equal(new CommandResult(false, "password", "must be at least 8 characters"), AskAccount<CommandResult>("bob", new Register("bob", "short")));
        Registered("bob");
        Assert.Equal(new CommandResult(false, "user_id", "already registered"), AskAccount<CommandResult>("bob", new Register("bob", "another password")));
    }

    [Fact]
    public void A_wrong_password_and_an_unknown_user_get_the_same_answer()
    {
        Registered("carol");
        var wrong = AskAccount<LoginResult>("carol", new Login("carol", "wrong password"));
        var unknown = AskAccount<LoginResult>("nobody", new Login("nobody", "correct horse"));
        Assert.Equal(LoginResult.InvalidCredentials, wrong);
        Assert.Equal(wrong, unknown);
    }

    [Fact]
    public void Five_failures_lock_the_account_even_for_the_right_password_until_the_lockout_passes()
    {
        Registered("dave");
        for (var i = 0; i < 4; i++) Assert.Equal(LoginResult.InvalidCredentials, AskAccount<LoginResult>("dave", new Login("dave", "nope nope")));
        Assert.Equal(LoginResult.InvalidCredentials, AskAccount<LoginResult>("dave", new Login("dave", "nope nope")));
        Assert.Equal(new LoginResult(false, "account locked"), AskAccount<LoginResult>("dave", new Login("dave", "correct horse")));
        Assert.True(AskAccount<AccountView>("dave", new GetAccount()).Locked);

        Advance(TimeSpan.FromMinutes(15));
        Assert.True(AskAccount<LoginResult>("dave", new Login("dave", "correct horse")).Success);
        Assert.Equal(0, AskAccount<AccountView>("dave", new GetAccount()).FailedLogins);
    }

    [Fact]
    public void A_success_resets_the_failure_count()
    {
        Registered("erin");
        for (var i = 0; i < 4; i++) AskAccount<LoginResult>("erin", new Login("erin", "nope nope"));
        Assert.True(AskAccount<LoginResult>("erin", new Login("erin", "correct horse")).Success);
        for (var i = 0; i < 4; i++) AskAccount<LoginResult>("erin", new Login("erin", "nope nope"));
        Assert.True(AskAccount<LoginResult>("erin", new Login("erin", "correct horse")).Success);
    }
}
