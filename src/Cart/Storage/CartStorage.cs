using ProductStore.Storage;
#if CASSANDRA
using ProductStore.Cart.Storage.Cassandra;
#endif

namespace ProductStore.Cart.Storage;

public static class CartStorage
{
    /// <summary>Cart's stores on the provider Storage__Provider names: SQLite here, Cassandra in Storage/Cassandra when compiled in.</summary>
    public static readonly ServiceStores Stores = new("Cart", AddSqlite,
#if CASSANDRA
        CassandraCartStores.Add);
#else
        AddCassandra: null);
#endif

    private static void AddSqlite(IServiceCollection services)
    {
        services.AddSqliteDatabase("cart", SqliteCartSchema.Migrations);
        services.AddSingleton<ICartStore, SqliteCartStore>();
    }
}
