using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ProductStore.Storefront.Api;
using ProductStore.Storefront.Session;

namespace ProductStore.Storefront.Tests;

/// <summary>/cart/lines for a guest on the storefront's real pipeline, with a catalog stub for the gateway.</summary>
public sealed partial class CartLineEndpointTests : IDisposable
{
    private static readonly Product Lamp = new(Guid.Parse("0196a1b2-0000-7000-8000-000000000021"), "SKU-L", "desk lamp", "", "home", 10m, "EUR", 4, "");
    private static readonly Guid Elsewhere = Guid.Parse("0196a1b2-0000-7000-8000-000000000022");

    private sealed class Catalog : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = JsonContent.Create(request.RequestUri!.Query.Contains(Lamp.Id.ToString(), StringComparison.Ordinal) ? [Lamp] : Array.Empty<Product>(),
                    options: JsonSerializerOptions.Web),
            });
    }

    private readonly StorefrontHost _storefront = new(() => new Catalog());
    private readonly HttpClient _client;

    public CartLineEndpointTests() => _client = _storefront.CreatePlainClient();

    public void Dispose()
    {
        _client.Dispose();
        _storefront.Dispose();
    }

    /// <summary>A page's antiforgery cookie and request token, as a browser holds them after loading a form.</summary>
    private async Task<(string Cookie, string Token)> PageTokensAsync()
    {
        using var page = await _client.GetAsync("/login");
        var html = await page.Content.ReadAsStringAsync();
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        return (cookie, TokenField().Match(html).Groups["token"].Value);
    }

    /// <summary>The sealed guest-cart cookie holding <paramref name="lines"/>, as the storefront itself writes it.</summary>
    private string GuestCookie(IReadOnlyDictionary<Guid, int> lines)
    {
        using var scope = _storefront.Services.CreateScope();
        var guest = scope.ServiceProvider.GetRequiredService<GuestCart>();
        var context = new DefaultHttpContext();
        foreach (var (id, quantity) in lines) guest.Set(context, id, quantity);
        return context.Response.Headers.SetCookie.ToString().Split(';')[0];
    }

    private IReadOnlyDictionary<Guid, int>? GuestLinesSet(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies) || cookies.FirstOrDefault(c => c.StartsWith(GuestCart.CookieName, StringComparison.Ordinal)) is not { } set)
            return null;
        using var scope = _storefront.Services.CreateScope();
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = set.Split(';')[0];
        return scope.ServiceProvider.GetRequiredService<GuestCart>().Read(context);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Guid productId, string? body, bool withToken = true)
    {
        var (antiforgery, token) = await PageTokensAsync();
        var request = new HttpRequestMessage(method, $"/cart/lines/{productId}");
        request.Headers.Add("Cookie", $"{antiforgery}; {GuestCookie(new Dictionary<Guid, int> { [Lamp.Id] = 2 })}");
        if (withToken) request.Headers.Add("RequestVerificationToken", token);
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task A_guest_quantity_is_sealed_into_a_new_cookie_and_the_answer_is_the_cart_priced_from_the_catalog()
    {
        using var response = await SendAsync(HttpMethod.Put, Lamp.Id, """{"quantity":3}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Dictionary<Guid, int> { [Lamp.Id] = 3 }, GuestLinesSet(response));
        var cart = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, cart.GetProperty("itemCount").GetInt32());
        Assert.Equal(30m, cart.GetProperty("total").GetDecimal());
        Assert.Equal(30m, cart.GetProperty("lines")[0].GetProperty("lineTotal").GetDecimal());
    }

    [Fact]
    public async Task A_guest_line_removed_leaves_an_empty_cart_in_the_cookie()
    {
        using var response = await SendAsync(HttpMethod.Delete, Lamp.Id, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(GuestLinesSet(response)!);
    }

    [Fact]
    public async Task Without_the_page_antiforgery_token_the_change_is_refused_and_the_cookie_is_left_alone()
    {
        using var response = await SendAsync(HttpMethod.Put, Lamp.Id, """{"quantity":3}""", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(GuestLinesSet(response));
    }

    [Theory]
    [InlineData("""{"quantity":0}""")]
    [InlineData("""{"quantity":100}""")]
    [InlineData("""{"quantity":"three"}""")]
    [InlineData("""{}""")]
    public async Task A_quantity_outside_1_to_99_is_a_validation_problem_for_the_field_and_the_cookie_is_left_alone(string body)
    {
        using var response = await SendAsync(HttpMethod.Put, Lamp.Id, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("quantity", out _), problem.ToString());
        Assert.Null(GuestLinesSet(response));
    }

    [Fact]
    public async Task A_product_not_in_the_guest_cart_is_not_found_and_never_added()
    {
        using var response = await SendAsync(HttpMethod.Put, Elsewhere, """{"quantity":1}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(GuestLinesSet(response));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenField();
}
