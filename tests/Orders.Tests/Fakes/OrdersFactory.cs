using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductStore.Orders.Progress;
using ProductStore.ServiceDefaults.Http;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests.Fakes;

/// <summary>
/// Orders on its real pipeline and SQLite file, talking over HTTP to a fake Cart and a fake Catalog.
/// The progress worker is off unless a test turns it on; tests can run its rounds themselves.
/// </summary>
public sealed class OrdersFactory(FakeCart cart, FakeCatalog catalog, string? dataDirectory = null, Dictionary<string, string>? settings = null,
    Action<IServiceCollection>? configureServices = null)
    : ServiceFactory<Program>
{
    public string Data => dataDirectory ?? DataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:DataDirectory", Data);
        builder.UseSetting("services:cart:http:0", cart.Address.ToString());
        builder.UseSetting("services:catalog:http:0", catalog.Address.ToString());
        builder.UseSetting("ServiceAuth:ClientId", "orders");
        builder.UseSetting("ServiceAuth:ClientSecret", "test-secret");
        builder.UseSetting("ServiceClients:Timeout", "00:00:03");
        builder.UseSetting("ServiceClients:AttemptTimeout", "00:00:01");
        builder.UseSetting("Orders:Progress:Enabled", "false");
        foreach (var (key, value) in settings ?? []) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddHttpClient(ServiceTokenProvider.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new FakeUsersTokenEndpoint(Tokens)));
        if (configureServices is not null) builder.ConfigureServices(configureServices);
    }

    public OrderProgressWorker Worker => Services.GetServices<IHostedService>().OfType<OrderProgressWorker>().Single();

    /// <summary>Users' client-credentials endpoint: hands out a service token for the right secret.</summary>
    private sealed class FakeUsersTokenEndpoint(TestTokens tokens) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            if (request.RequestUri!.AbsolutePath != "/internal/token" || body.RootElement.GetProperty("clientSecret").GetString() != "test-secret")
            {
                return new HttpResponseMessage(HttpStatusCode.Unauthorized);
            }
            var token = JsonSerializer.Serialize(new { accessToken = tokens.Service(), tokenType = "Bearer", expiresIn = 900 });
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(token, Encoding.UTF8, "application/json") };
        }
    }
}
