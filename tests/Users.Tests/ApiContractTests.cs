using ProductStore.TestSupport.ApiContract;

namespace ProductStore.Users.Tests;

/// <summary>The users' OpenAPI document against Users itself, with tokens Users issued to a new customer and the admin (issue 16).</summary>
public class ApiContractTests(ApiContractTests.Tokens tokens) : ServiceContractTests, IClassFixture<ApiContractTests.Tokens>
{
    protected override string Service => "users";

    protected override Task<Func<string?, HttpClient>> ClientsAsync() => Task.FromResult<Func<string?, HttpClient>>(role => role switch
    {
        null => tokens.Factory.CreateClient(),
        "admin" => tokens.Factory.CreateClient(tokens.Admin),
        _ => tokens.Factory.CreateClient(tokens.Customer),
    });

    /// <summary>
    /// Users with a customer's and the admin's access tokens, issued once: generated password changes with a wrong
    /// current password count as failed logins, and would soon lock the admin out of logging in again.
    /// </summary>
    public sealed class Tokens : IAsyncLifetime
    {
        public UsersFactory Factory { get; } = new();
        public string Customer { get; private set; } = "";
        public string Admin { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            Customer = (await Factory.CreateClient().NewCustomerAsync()).Tokens.AccessToken;
            Admin = (await Factory.CreateClient().LoginAsTokensAsync(UsersFactory.AdminEmail, UsersFactory.AdminPassword)).AccessToken;
        }

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }
}
