using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using ProductStore.Gateway.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Gateway.Tests;

public class RoutingTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("GET", "/api/catalog/products?category=books&q=red%20shoes&sort=-price&limit=5", "catalog")]
    [InlineData("GET", "/api/catalog/products/lookup?ids=a,b", "catalog")]
    [InlineData("DELETE", "/api/catalog/categories/books", "catalog")]
    [InlineData("GET", "/api/cart", "cart")]
    [InlineData("PUT", "/api/cart/items/0196a1b2-0000-7000-8000-000000000001", "cart")]
    [InlineData("POST", "/api/orders", "orders")]
    [InlineData("POST", "/api/orders/0196a1b2-0000-7000-8000-000000000002/cancel", "orders")]
    [InlineData("GET", "/api/users/me", "users")]
    [InlineData("POST", "/api/users/login", "users")]
    [InlineData("POST", "/api/users/register", "users")]
    [InlineData("GET", "/.well-known/openid-configuration", "users")]
    [InlineData("GET", "/.well-known/jwks.json", "users")]
    [InlineData("GET", "/", "storefront")]
    [InlineData("GET", "/products/0196a1b2-0000-7000-8000-000000000001", "storefront")]
    [InlineData("POST", "/cart", "storefront")]
    [InlineData("GET", "/_framework/blazor.web.js", "storefront")]
    public async Task Each_public_route_reaches_its_service_with_method_path_query_and_body_unchanged(string method, string pathAndQuery, string service)
    {
        using var client = fixture.Factory.CreateClient();
        var body = method is "POST" or "PUT" ? """{"quantity":2,"note":"ünïcode"}""" : null;
        var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var echoed = await client.ForwardedAsync(request);

        Assert.Equal(service, echoed.Service);
        Assert.Equal(method, echoed.Method);
        Assert.Equal(pathAndQuery, echoed.Path + echoed.Query);
        Assert.Equal(body ?? "", echoed.Body);
    }

    [Theory]
    [InlineData("POST", "/internal/stock/reservations")]
    [InlineData("DELETE", "/internal/stock/reservations/0196a1b2-0000-7000-8000-000000000001")]
    [InlineData("POST", "/internal/token")]
    [InlineData("GET", "/internal/carts/0196a1b2-0000-7000-8000-000000000001")]
    [InlineData("GET", "/api/payments")]
    [InlineData("GET", "/api")]
    [InlineData("GET", "/api/catalogue/products")]
    public async Task Internal_and_unknown_paths_reach_no_service_only_the_storefront_which_has_no_api(string method, string path)
    {
        using var client = fixture.Factory.CreateClient();

        var echoed = await client.ForwardedAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") });

        // Everything that is not a public API route is a page of the shop; the storefront answers these with a 404 problem.
        Assert.Equal("storefront", echoed.Service);
    }

    [Fact]
    public async Task Tokens_are_relayed_unchanged_and_left_to_the_services_to_check()
    {
        using var client = fixture.Factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/cart");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer not.a-valid.token");

        var echoed = await client.ForwardedAsync(request);

        Assert.Equal("Bearer not.a-valid.token", echoed.Header("Authorization"));
        // Validating every relayed token would cost a signature check per request for nothing: the gateway has no authentication.
        Assert.Null(fixture.Factory.Services.GetService<IAuthenticationSchemeProvider>());
    }

    [Fact]
    public async Task Each_services_openapi_document_is_served_from_the_service()
    {
        using var client = fixture.Factory.CreateClient();
        foreach (var service in GatewayFixture.ServiceNames.Where(s => s != "storefront"))
        {
            var response = await client.GetAsync($"/openapi/{service}.json");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(EchoService.OpenApiDocumentOf(service), await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Swagger_ui_lists_the_four_service_documents()
    {
        using var client = fixture.Factory.CreateClient();

        var page = await client.GetAsync("/swagger");
        var script = await client.GetStringAsync("/swagger/index.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync());
        foreach (var service in GatewayFixture.ServiceNames.Where(s => s != "storefront")) Assert.Contains($"\"/openapi/{service}.json\"", script);
        Assert.DoesNotContain("/openapi/storefront.json", script);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/swagger-ui-bundle.js")).StatusCode);
    }
}
