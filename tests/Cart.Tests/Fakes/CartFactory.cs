using Microsoft.AspNetCore.Hosting;
using ProductStore.TestSupport;

namespace ProductStore.Cart.Tests.Fakes;

/// <summary>Cart on its real pipeline and SQLite file, pricing carts over HTTP with a fake Catalog.</summary>
public sealed class CartFactory(FakeCatalog catalog, string? dataDirectory = null, Dictionary<string, string>? settings = null)
    : ServiceFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:DataDirectory", dataDirectory ?? DataDirectory);
        builder.UseSetting("services:catalog:http:0", catalog.Address.ToString());
        builder.UseSetting("ServiceClients:Timeout", "00:00:03");
        builder.UseSetting("ServiceClients:AttemptTimeout", "00:00:01");
        foreach (var (key, value) in settings ?? []) builder.UseSetting(key, value);
    }
}
