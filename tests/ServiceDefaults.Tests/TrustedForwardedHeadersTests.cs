using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Http;

namespace ProductStore.ServiceDefaults.Tests;

/// <summary>X-Forwarded-For is believed from a known proxy address, or with the proxy secret from any address; never otherwise.</summary>
public sealed class TrustedForwardedHeadersTests
{
    private const string Secret = "test-proxy-secret-0123456789abcdef0123";

    private static Task<TestApp> StartAsync(Dictionary<string, string?> settings) =>
        TestApp.StartAsync(
            app =>
            {
                app.UseTrustedForwardedHeaders();
                // What the process sees after the middleware: the client's address, and whether the secret is still there.
                app.MapGet("/whoami", (HttpContext context) =>
                    $"{context.Connection.RemoteIpAddress} {context.Request.Headers.ContainsKey(ForwardedHeadersTrustOptions.ProxySecretHeader)}");
            },
            builder => builder.Services.AddForwardedHeadersTrust("Edge"),
            settings);

    private static async Task<string> WhoAmIAsync(TestApp app, string forwardedFor, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (secret is not null) request.Headers.Add(ForwardedHeadersTrustOptions.ProxySecretHeader, secret);
        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task With_the_secret_any_address_is_believed_and_the_secret_goes_no_further()
    {
        // Loopback (the test client) is not a known proxy here: only the secret can vouch for it.
        await using var app = await StartAsync(new() { ["Edge:ProxySecret"] = Secret, ["Edge:KnownProxies:0"] = "10.0.0.1" });

        Assert.Equal("203.0.113.5 False", await WhoAmIAsync(app, "203.0.113.5", Secret));
        Assert.Equal("127.0.0.1 False", await WhoAmIAsync(app, "203.0.113.6", secret: null));
        Assert.Equal("127.0.0.1 False", await WhoAmIAsync(app, "203.0.113.7", Secret[..^1]));
        Assert.Equal("127.0.0.1 False", await WhoAmIAsync(app, "203.0.113.8", ""));
    }

    [Fact]
    public async Task Without_a_configured_secret_no_sent_value_vouches_and_known_proxies_still_do()
    {
        await using var stranger = await StartAsync(new() { ["Edge:KnownProxies:0"] = "10.0.0.1" });
        await using var proxied = await StartAsync(new() { ["Edge:KnownProxies:0"] = "127.0.0.1" });

        Assert.Equal("127.0.0.1 False", await WhoAmIAsync(stranger, "203.0.113.9", ""));
        Assert.Equal("127.0.0.1 False", await WhoAmIAsync(stranger, "203.0.113.9", Secret));
        Assert.Equal("203.0.113.10 False", await WhoAmIAsync(proxied, "203.0.113.10", secret: null));
    }

    [Fact]
    public async Task A_secret_shorter_than_32_characters_stops_the_start()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["Edge:ProxySecret"] = "short" }));

        Assert.Contains("Edge:ProxySecret", error.Message);
    }
}
