using System.Net;
using Serenity.Server.Tests.Support;

namespace Serenity.Server.Tests.Http;

[Collection(ServerCollection.Name)]
public sealed class AuthTests(SharedServer shared)
{
    private ApiClient Client => shared.Server.Client;

    [Fact]
    public async Task Register_then_login_gives_a_token_that_opens_the_account()
    {
        var user = ApiClient.NewUser();
        var registered = await Client.PostAsync("/api/register", new { user_id = user, password = "correct horse" });
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        Assert.Equal(user, registered.Json.GetProperty("user_id").GetString());

        var login = await Client.PostAsync("/api/login", new { user_id = user, password = "correct horse" });
        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal(user, login.Json.GetProperty("user_id").GetString());
        Assert.True(login.Json.GetProperty("expires_at").GetDateTime() > DateTime.UtcNow);

        var account = await Client.GetAsync("/api/account", login.Json.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, account.Status);
        Assert.Equal(100_000m, account.Json.GetProperty("cash").GetDecimal());
        Assert.Equal(100_000m, account.Json.GetProperty("equity").GetDecimal());
        Assert.Equal(0, account.Json.GetProperty("positions_count").GetInt32());
    }

    [Fact]
    public async Task Registering_twice_is_a_conflict_and_a_short_password_names_the_field()
    {
        var user = ApiClient.NewUser();
        await Client.RegisterAndLoginAsync(user);
        var again = await Client.PostAsync("/api/register", new { user_id = user, password = "another password" });
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("user_id", again.ErrorField);

        var shortPassword = await Client.PostAsync("/api/register", new { user_id = ApiClient.NewUser(), password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.Status);
        Assert.Equal("password", shortPassword.ErrorField);

        var badId = await Client.PostAsync("/api/register", new { user_id = "no spaces/allowed", password = "correct horse" });
        Assert.Equal(HttpStatusCode.BadRequest, badId.Status);
        Assert.Equal("user_id", badId.ErrorField);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_401()
    {
        var user = ApiClient.NewUser();
        await Client.RegisterAndLoginAsync(user);
        var wrong = await Client.PostAsync("/api/login", new { user_id = user, password = "wrong password" });
        var unknown = await Client.PostAsync("/api/login", new { user_id = ApiClient.NewUser(), password = "wrong password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal(wrong.Body, unknown.Body);
        Assert.Equal("password", wrong.ErrorField);
        Assert.Equal("invalid credentials", wrong.ErrorReason);
    }

    [Fact]
    public async Task Missing_forged_or_garbage_tokens_get_401()
    {
        var user = ApiClient.NewUser();
        var token = await Client.RegisterAndLoginAsync(user);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/account")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/account", "garbage")).Status);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var forged = token[..dot] + "." + new string('A', token.Length - dot - 1);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/account", forged)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/account", token)).Status);
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_for_the_right_password()
    {
        var user = ApiClient.NewUser();
        await Client.RegisterAndLoginAsync(user);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PostAsync("/api/login", new { user_id = user, password = "wrong password" })).Status);
        }
        var locked = await Client.PostAsync("/api/login", new { user_id = user, password = "correct horse" });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.Status);
        Assert.Equal("user_id", locked.ErrorField);
        Assert.Equal("account locked", locked.ErrorReason);
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_lacks_a_field_names_it()
    {
        var notJson = await Client.PostAsync("/api/login", "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.Equal("body", notJson.ErrorField);
        var missing = await Client.PostAsync("/api/login", new { user_id = "someone" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal("password", missing.ErrorField);
        var wrongType = await Client.PostAsync("/api/login", new { user_id = 42, password = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
        Assert.Equal("user_id", wrongType.ErrorField);
    }
}
