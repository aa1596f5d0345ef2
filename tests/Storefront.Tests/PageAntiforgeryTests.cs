using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using ProductStore.Storefront.Api;
using ProductStore.Storefront.Session;

namespace ProductStore.Storefront.Tests;

/// <summary>Antiforgery tokens are issued by pages with forms only, on the storefront's real pipeline.</summary>
public sealed partial class PageAntiforgeryTests : IDisposable
{
    private static readonly Product Lamp = new(Guid.Parse("0196a1b2-0000-7000-8000-000000000031"), "SKU-L", "desk lamp", "", "home", 10m, "EUR", 4, "");

    /// <summary>The gateway's catalog: one category and one product.</summary>
    private sealed class Catalog : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            object body = path.EndsWith("/categories", StringComparison.Ordinal) ? new[] { new Category(Guid.NewGuid(), "home", "Home") }
                : path.EndsWith(Lamp.Id.ToString(), StringComparison.Ordinal) ? Lamp
                : new Page<Product>([Lamp], null);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(body, options: JsonSerializerOptions.Web) });
        }
    }

    private readonly StorefrontHost _storefront = new(() => new Catalog());
    private readonly HttpClient _client;

    public PageAntiforgeryTests() => _client = _storefront.CreatePlainClient();

    public void Dispose()
    {
        _client.Dispose();
        _storefront.Dispose();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=lamp&sort=price")]
    public async Task A_page_without_a_form_sets_no_antiforgery_cookie_and_may_be_cached(string url)
    {
        using var page = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("desk lamp", await page.Content.ReadAsStringAsync());
        Assert.False(page.Headers.Contains("Set-Cookie"), string.Join(" | ", page.Headers.TryGetValues("Set-Cookie", out var set) ? set : []));
        Assert.NotEqual(true, page.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/register")]
    [InlineData("/products/0196a1b2-0000-7000-8000-000000000031")]
    public async Task A_page_with_a_form_sets_the_cookie_its_token_pairs_with(string url)
    {
        using var page = await _client.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.True(page.Headers.CacheControl?.NoStore);
        var token = TokenField().Match(html).Groups["token"].Value;
        Assert.NotEmpty(token);

        // The pair validates: a logout posted with it is taken (a redirect), not refused as forged (400).
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["_handler"] = "logout" }),
        };
        logout.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var answer = await _client.SendAsync(logout);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_the_cookie_is_refused()
    {
        using var page = await _client.GetAsync("/login");
        var token = TokenField().Match(await page.Content.ReadAsStringAsync()).Groups["token"].Value;

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["_handler"] = "logout" }),
        };
        using var answer = await _client.SendAsync(logout);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Fact]
    public async Task A_page_hands_its_token_to_its_circuit_and_a_page_without_a_form_hands_none()
    {
        var login = await _client.GetStringAsync("/login");
        var catalog = await _client.GetStringAsync("/");

        Assert.Contains(TokenField().Match(login).Groups["token"].Value, CircuitState(login));
        Assert.DoesNotContain("__RequestVerificationToken", CircuitState(catalog));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_signed_in_shoppers_catalog_page_streamed_or_not_carries_a_working_logout_form_and_is_never_kept(bool enhancedNavigation)
    {
        var session = await SessionCookieAsync();
        var first = await SignedInPageAsync(session, enhancedNavigation);
        var second = await SignedInPageAsync(session, enhancedNavigation);

        Assert.Contains("desk lamp", first.Html);
        Assert.Contains("Log out", first.Html);
        Assert.NotEmpty(TokenField().Match(first.Html).Groups["token"].Value);
        Assert.NotNull(first.AntiforgeryCookie);
        Assert.NotEqual(first.Html, second.Html);
    }

    private async Task<(string Html, string? AntiforgeryCookie)> SignedInPageAsync(string session, bool enhancedNavigation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", session);
        request.Headers.TryAddWithoutValidation("Accept", enhancedNavigation ? "text/html; blazor-enhanced-nav=on" : "text/html");
        using var page = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookie = page.Headers.TryGetValues("Set-Cookie", out var set) ? set.FirstOrDefault(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)) : null;
        return (await page.Content.ReadAsStringAsync(), cookie);
    }

    /// <summary>A signed-in shopper's session cookie, sealed by the storefront itself, with an access token good for an hour.</summary>
    private async Task<string> SessionCookieAsync()
    {
        using var scope = _storefront.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Name, "Ada"), new Claim(ClaimTypes.Role, "customer")],
            "Cookies");
        var properties = new AuthenticationProperties { IsPersistent = true };
        SessionTokens.Store(properties, new IssuedTokens("access", 3600, "refresh"), DateTimeOffset.UtcNow);
        await context.SignInAsync(new ClaimsPrincipal(identity), properties);
        return string.Join("; ", context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
    }

    /// <summary>The values of the component state a page seals for its circuit, as the circuit would open them.</summary>
    private string CircuitState(string html)
    {
        var sealedState = CircuitStateComment().Match(html).Groups["state"].Value;
        var protector = _storefront.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Microsoft.AspNetCore.Components.Server.State");
        var values = JsonSerializer.Deserialize<Dictionary<string, byte[]>>(protector.Unprotect(Convert.FromBase64String(sealedState)))!;
        return string.Join("\n", values.Values.Select(Encoding.UTF8.GetString));
    }

    [GeneratedRegex("<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex CircuitStateComment();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenField();
}
