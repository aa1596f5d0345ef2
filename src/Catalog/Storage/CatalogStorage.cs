using ProductStore.Storage;
#if CASSANDRA
using ProductStore.Catalog.Storage.Cassandra;
#endif

namespace ProductStore.Catalog.Storage;

public static class CatalogStorage
{
    /// <summary>Catalog's stores on the provider Storage__Provider names: SQLite here, Cassandra in Storage/Cassandra when compiled in.</summary>
    public static readonly ServiceStores Stores = new("Catalog", AddSqlite,
#if CASSANDRA
        CassandraCatalogStores.Add);
#else
        AddCassandra: null);
#endif

    private static void AddSqlite(IServiceCollection services)
    {
        services.AddSqliteDatabase("catalog", SqliteCatalogSchema.Migrations);
        services.AddSingleton<ICatalogStore, SqliteCatalogStore>();
        services.AddSingleton<IStockStore, SqliteStockStore>();
    }
}
