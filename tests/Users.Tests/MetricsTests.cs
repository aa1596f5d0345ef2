using ProductStore.TestSupport;


namespace ProductStore.Users.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Registrations_and_logins_by_outcome_are_counted()
    {
        await using var factory = new UsersFactory();
        var client = factory.CreateClient();
        using var recorded = new MetricsRecorder(factory.Services, "ProductStore.Users");
        var email = UsersHttp.NewEmail();

        await (await client.RegisterAsync(email)).ShouldBe<UserDto>(HttpStatusCode.Created);
        await (await client.RegisterAsync(UsersHttp.NewEmail())).ShouldBe<UserDto>(HttpStatusCode.Created);
        await (await client.RegisterAsync(email)).ShouldBeProblem(HttpStatusCode.Conflict);
        await client.LoginAsTokensAsync(email);
        await (await client.LoginAsync(email, "not the right passphrase")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await client.LoginAsync(UsersHttp.NewEmail())).ShouldBeProblem(HttpStatusCode.Unauthorized);

        Assert.Equal(2, recorded.Sum("productstore.registrations"));
        Assert.Equal(1, recorded.Sum("productstore.logins", ("outcome", "success")));
        Assert.Equal(2, recorded.Sum("productstore.logins", ("outcome", "failure")));
    }
}
