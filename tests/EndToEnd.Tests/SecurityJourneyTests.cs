using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests;

/// <summary>Revocation through the gateway: a demoted admin's token stops working within seconds, and so does a logged-out one.</summary>
public sealed class SecurityJourneyTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    /// <summary>Services poll Users' revocations every 2 s; the README promises "within a few seconds".</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(6);

    private ProductStoreSystem _system => fixture.System;

    [Fact]
    public async Task A_demoted_admin_loses_admin_rights_within_seconds_and_cannot_promote_itself_again()
    {
        using var admin = await ShopperClient.AdminAsync(_system);
        using var promoted = await ShopperClient.RegisterAsync(_system);
        var promotedId = await IdOfAsync(promoted);
        await (await admin.Http.PutAsJsonAsync($"api/users/{promotedId}/role", new { role = "admin" })).ShouldBe<JsonElement>(HttpStatusCode.OK);
        using var asAdmin = await ShopperClient.LoginAsync(_system, promoted.Email, promoted.Password);
        Assert.Equal(HttpStatusCode.OK, (await asAdmin.Http.GetAsync("api/orders/all")).StatusCode);

        await (await admin.Http.PutAsJsonAsync($"api/users/{promotedId}/role", new { role = "customer" })).ShouldBe<JsonElement>(HttpStatusCode.OK);

        // Each service polls the revocations on its own clock: each refuses within the bound, not at the same instant.
        await WaitUntilRefusedAsync(asAdmin.Http, "api/orders/all");
        await WaitUntilRefusedAsync(asAdmin.Http, "api/users");
        var selfPromotion = await asAdmin.Http.PutAsJsonAsync($"api/users/{promotedId}/role", new { role = "admin" });
        Assert.Equal(HttpStatusCode.Unauthorized, selfPromotion.StatusCode);
        using var again = await ShopperClient.LoginAsync(_system, promoted.Email, promoted.Password);
        Assert.Equal("customer", (await again.GetAsync("api/users/me")).GetProperty("role").GetString());
    }

    [Fact]
    public async Task The_last_admin_cannot_demote_itself()
    {
        using var admin = await ShopperClient.AdminAsync(_system);
        await (await admin.Http.PutAsJsonAsync($"api/users/{await IdOfAsync(admin)}/role", new { role = "customer" }))
            .ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("api/orders/all")).StatusCode);
    }

    [Fact]
    public async Task A_logged_out_access_token_stops_working_within_seconds()
    {
        using var shopper = await ShopperClient.RegisterAsync(_system);
        Assert.Equal(HttpStatusCode.OK, (await shopper.Http.GetAsync("api/cart")).StatusCode);

        var refreshToken = shopper.Tokens.GetProperty("refreshToken").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await shopper.Http.PostAsJsonAsync("api/users/logout", new { refreshToken })).StatusCode);

        await WaitUntilRefusedAsync(shopper.Http, "api/cart");
    }

    private static async Task<string> IdOfAsync(ShopperClient client) => (await client.GetAsync("api/users/me")).GetProperty("id").GetString()!;

    private static async Task WaitUntilRefusedAsync(HttpClient http, string path)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            var status = (await http.GetAsync(path)).StatusCode;
            if (status == HttpStatusCode.Unauthorized) return;
            Assert.True(DateTime.UtcNow < deadline, $"{path} still answers {(int)status} {Bound.TotalSeconds} s after the revocation");
            await Task.Delay(200);
        }
    }
}
