using ProductStore.Storage;
#if CASSANDRA
using ProductStore.Cart.Storage.Cassandra;
#endif

namespace ProductStore.Cart.Storage;

public static class CartStorage
{
    /// <summary>Cart's stores on the provider Storage__Provider names: SQLite here, Cassandra in Storage/Cassandra.</summary>
    public static readonly ServiceStores Stores = new("Cart", AddCassandra: CassandraStores, AddSqlite: sqlite =>
        {
            sqlite.AddSqliteDatabase("cart", SqliteCartSchema.Migrations);
            sqlite.AddSingleton<ICartStore, SqliteCartStore>();
        });

#if CASSANDRA
    private static Action<IServiceCollection>? CassandraStores => CassandraCartStores.Add;
#else
    private static Action<IServiceCollection>? CassandraStores => null;
#endif
}
