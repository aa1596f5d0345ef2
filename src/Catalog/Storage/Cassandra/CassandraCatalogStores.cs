using ProductStore.Catalog.Storage.Cassandra;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Storage.Cassandra;

[assembly: CassandraStores(typeof(CassandraCatalogStores))]

namespace ProductStore.Catalog.Storage.Cassandra;

public sealed class CassandraCatalogStores : ICassandraStores
{
    public void Add(IServiceCollection services)
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
