using Microsoft.AspNetCore.Hosting;
using ProductStore.TestSupport;

namespace ProductStore.Catalog.Tests.Fakes;

/// <summary>Catalog on its real pipeline and SQLite file, without the demo catalog unless a test asks for it.</summary>
public class CatalogFactory : ServiceFactory<Program>
{
    public bool DemoSeed { get; init; }

    /// <summary>Another data folder (e.g. one the seed command filled) instead of this factory's own.</summary>
    public string? SharedDataDirectory { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:DataDirectory", SharedDataDirectory ?? DataDirectory);
        builder.UseSetting("Catalog:Seed:Demo", DemoSeed ? "true" : "false");
    }
}
