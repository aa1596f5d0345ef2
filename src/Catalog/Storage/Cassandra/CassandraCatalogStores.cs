using ProductStore.Storage.Cassandra;

namespace ProductStore.Catalog.Storage.Cassandra;

/// <summary>Catalog's Cassandra database and stores; compiled only with -p:Cassandra=true.</summary>
public static class CassandraCatalogStores
{
    public static void Add(IServiceCollection services)
    {
        services.AddCassandraDatabase("catalog", CassandraCatalogSchema.Migrations);
        services.AddSingleton<CassandraCategories>();
        services.AddSingleton<CassandraProducts>();
        services.AddSingleton<CassandraProductListing>();
        services.AddSingleton<CassandraSkuClaims>();
        services.AddSingleton<CassandraProductLoader>();
        services.AddSingleton<CassandraStock>();
        services.AddSingleton<ICatalogStore, CassandraCatalogStore>();
        services.AddSingleton<IStockStore, CassandraStockStore>();
    }
}
