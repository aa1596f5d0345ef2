using ProductStore.TestSupport.ApiContract;

namespace ProductStore.Users.Tests;

/// <summary>The users' OpenAPI document against Users itself, with tokens Users issued to a new customer and the admin (issue 16).</summary>
public class ApiContractTests(UsersFactory factory) : ServiceContractTests, IClassFixture<UsersFactory>
{
    protected override string Service => "users";

    protected override async Task<Func<string?, HttpClient>> ClientsAsync()
    {
        var (_, customer) = await factory.CreateClient().NewCustomerAsync();
        var admin = await factory.CreateClient().LoginAsTokensAsync(UsersFactory.AdminEmail, UsersFactory.AdminPassword);
        return role => role switch
        {
            null => factory.CreateClient(),
            "admin" => factory.CreateClient(admin.AccessToken),
            _ => factory.CreateClient(customer.AccessToken),
        };
    }
}
