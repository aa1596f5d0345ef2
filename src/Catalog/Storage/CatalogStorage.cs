using ProductStore.Storage;
#if CASSANDRA
using ProductStore.Catalog.Storage.Cassandra;
#endif

namespace ProductStore.Catalog.Storage;

public static class CatalogStorage
{
    /// <summary>Catalog's stores on the provider Storage__Provider names: SQLite here, Cassandra in Storage/Cassandra.</summary>
    public static readonly ServiceStores Stores = new("Catalog", AddCassandra: CassandraStores, AddSqlite: sqlite =>
        {
            sqlite.AddSqliteDatabase("catalog", SqliteCatalogSchema.Migrations);
            sqlite.AddSingleton<ICatalogStore, SqliteCatalogStore>();
            sqlite.AddSingleton<IStockStore, SqliteStockStore>();
        });

#if CASSANDRA
    private static Action<IServiceCollection>? CassandraStores => CassandraCatalogStores.Add;
#else
    private static Action<IServiceCollection>? CassandraStores => null;
#endif
}
