using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ProductStore.Users.Tests;

public class ServiceTokenApiTests(UsersFactory factory) : IClassFixture<UsersFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<HttpResponseMessage> RequestAsync(string? clientId, string? clientSecret) =>
        _client.PostAsJsonAsync("/internal/token", new { clientId, clientSecret });

    [Fact]
    public async Task A_configured_client_gets_a_service_token_named_after_it()
    {
        var response = await (await RequestAsync("orders", UsersFactory.OrdersClientSecret)).ShouldBe<ServiceTokenDto>(HttpStatusCode.OK);

        Assert.Equal("Bearer", response.TokenType);
        Assert.Equal(15 * 60, response.ExpiresIn);
        var token = new JsonWebToken(response.AccessToken);
        Assert.Equal("orders", token.Subject);
        Assert.Equal("service", token.GetClaim("role").Value);
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.IssuedAt);
    }

    [Theory]
    [InlineData("orders", "wrong")]
    [InlineData("orders", UsersFactory.OrdersClientSecret + "x")]
    [InlineData("orders", "")]
    [InlineData("cart", UsersFactory.OrdersClientSecret)]
    [InlineData(null, UsersFactory.OrdersClientSecret)]
    [InlineData("orders", null)]
    public async Task Wrong_client_credentials_are_a_401(string? clientId, string? clientSecret)
    {
        var problem = await (await RequestAsync(clientId, clientSecret)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("Unknown client or wrong secret.", problem.GetProperty("detail").GetString());
    }
}
