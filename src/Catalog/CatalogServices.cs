using ProductStore.Catalog.Seeding;
using ProductStore.Catalog.Storage;
using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Catalog;

public static class CatalogServices
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CatalogJsonContext.Default));
        services.AddSingleton(TimeProvider.System);
        CatalogStorage.Add(services, builder.Configuration);
        services.AddStorageInitializer<DemoCatalogSeeder>();
        services.AddSingleton<CatalogMetrics>();
        return builder;
    }
}
