namespace ProductStore.Users.Tests;

/// <summary>Users started twice on the same data folder, as after a deploy or a crash.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("productstore-users-restart-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Tokens_issued_before_a_restart_stay_valid_after_it()
    {
        string kidBefore;
        UserDto user;
        TokenDto tokens;
        await using (var before = new UsersFactory { SharedDataDirectory = _data })
        {
            var client = before.CreateClient();
            (user, tokens) = await client.NewCustomerAsync();
            kidBefore = await KidAsync(client);
        }

        await using var after = new UsersFactory { SharedDataDirectory = _data };
        var restarted = after.CreateClient();

        Assert.Equal(kidBefore, await KidAsync(restarted));
        Assert.Equal(user, await (await restarted.MeAsync(tokens.AccessToken)).ShouldBe<UserDto>(HttpStatusCode.OK));
        await (await restarted.RefreshAsync(tokens.RefreshToken)).ShouldBe<TokenDto>(HttpStatusCode.OK);
        await restarted.LoginAsTokensAsync(user.Email);
    }

    [Fact]
    public async Task Another_data_folder_has_another_key()
    {
        await using var first = new UsersFactory { SharedDataDirectory = _data };
        await using var second = new UsersFactory();
        var (_, tokens) = await first.CreateClient().NewCustomerAsync();

        Assert.NotEqual(await KidAsync(first.CreateClient()), await KidAsync(second.CreateClient()));
        await (await second.CreateClient().MeAsync(tokens.AccessToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    private static async Task<string> KidAsync(HttpClient client) =>
        new Microsoft.IdentityModel.Tokens.JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks.json")).Keys.Single().Kid;
}
