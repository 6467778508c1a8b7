namespace Serenity.Trading.Tests;

/// <summary>Messages reach logs, dead letters and test failures as text: a password must never be in it.</summary>
public sealed class SecretRedactionTests
{
    [Fact]
    public void Register_and_login_messages_never_print_the_password()
    {
        var register = new Register("alice", "correct horse battery").ToString();
        var login = new Login("alice", "correct horse battery").ToString();

        Assert.DoesNotContain("correct horse", register, StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse", login, StringComparison.Ordinal);
        Assert.Contains("alice", register, StringComparison.Ordinal);
        Assert.Contains("alice", login, StringComparison.Ordinal);
    }
}
