using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Catalog.Storage;

public static class CatalogStorage
{
    /// <summary>Catalog's stores on the provider Storage__Provider names: SQLite here, Cassandra in Storage/Cassandra.</summary>
    public static void Add(IServiceCollection services, IConfiguration configuration) =>
        services.AddServiceStorage(configuration, typeof(CatalogStorage).Assembly, sqlite =>
        {
            sqlite.AddSqliteDatabase("catalog", SqliteCatalogSchema.Migrations);
            sqlite.AddSingleton<ICatalogStore, SqliteCatalogStore>();
            sqlite.AddSingleton<IStockStore, SqliteStockStore>();
        });
}
