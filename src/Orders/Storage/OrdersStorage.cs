using ProductStore.Storage;
#if CASSANDRA
using ProductStore.Orders.Storage.Cassandra;
#endif

namespace ProductStore.Orders.Storage;

public static class OrdersStorage
{
    /// <summary>Orders' stores on the provider Storage__Provider names: SQLite here, Cassandra in Storage/Cassandra when compiled in.</summary>
    public static readonly ServiceStores Stores = new("Orders", AddSqlite,
#if CASSANDRA
        CassandraOrdersStores.Add);
#else
        AddCassandra: null);
#endif

    private static void AddSqlite(IServiceCollection services)
    {
        services.AddSqliteDatabase("orders", SqliteOrdersSchema.Migrations);
        services.AddSingleton<IOrderStore, SqliteOrderStore>();
        services.AddSingleton<ICheckoutStore, SqliteCheckoutStore>();
        services.AddSingleton<ICartCheckoutLocks, SqliteCartCheckoutLocks>();
    }
}
