using ProductStore.Storage;
#if CASSANDRA
using ProductStore.Orders.Storage.Cassandra;
#endif

namespace ProductStore.Orders.Storage;

public static class OrdersStorage
{
    /// <summary>Orders' stores on the provider Storage__Provider names: SQLite here, Cassandra in Storage/Cassandra.</summary>
    public static readonly ServiceStores Stores = new("Orders", AddCassandra: CassandraStores, AddSqlite: sqlite =>
        {
            sqlite.AddSqliteDatabase("orders", SqliteOrdersSchema.Migrations);
            sqlite.AddSingleton<IOrderStore, SqliteOrderStore>();
            sqlite.AddSingleton<ICheckoutStore, SqliteCheckoutStore>();
            sqlite.AddSingleton<ICartCheckoutLocks, SqliteCartCheckoutLocks>();
        });

#if CASSANDRA
    private static Action<IServiceCollection>? CassandraStores => CassandraOrdersStores.Add;
#else
    private static Action<IServiceCollection>? CassandraStores => null;
#endif
}
