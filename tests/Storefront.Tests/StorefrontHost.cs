using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ProductStore.Storefront.Api;

namespace ProductStore.Storefront.Tests;

/// <summary>The storefront's real pipeline, with <paramref name="catalog"/> answering for the gateway's catalog API.</summary>
internal sealed class StorefrontHost(Func<HttpMessageHandler> catalog) : WebApplicationFactory<Program>
{
    public string KeyRing { get; } = Directory.CreateTempSubdirectory("storefront-test-").FullName;

    /// <summary>A client that keeps no cookies and follows no redirects, so a test sees exactly what the storefront sends.</summary>
    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storefront:KeyRingDirectory", KeyRing);
        builder.UseSetting("services:gateway:http:0", "http://127.0.0.1:9");
        builder.ConfigureTestServices(services => services.AddHttpClient<CatalogClient>().ConfigurePrimaryHttpMessageHandler(catalog));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // The factory disposes twice (sync and async paths): the folder goes once.
        if (disposing && Directory.Exists(KeyRing)) Directory.Delete(KeyRing, recursive: true);
    }
}
