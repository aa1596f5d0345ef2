using ProductStore.Catalog.Seeding;
using ProductStore.Catalog.Storage;
using ProductStore.ServiceDefaults.Http;
using ProductStore.Storage;

namespace ProductStore.Catalog;

public static class CatalogServices
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddJsonContracts(CatalogJsonContext.Default);
        services.AddServiceStorage(builder.Configuration, CatalogStorage.Stores);
        services.AddStorageInitializer<DemoCatalogSeeder>();
        services.AddSingleton<CatalogMetrics>();
        return builder;
    }
}
