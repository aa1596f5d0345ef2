using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Orders.Storage;

public static class OrdersStorage
{
    /// <summary>Orders' stores on the provider Storage__Provider names: SQLite here, Cassandra in Storage/Cassandra.</summary>
    public static void Add(IServiceCollection services, IConfiguration configuration) =>
        services.AddServiceStorage(configuration, typeof(OrdersStorage).Assembly, sqlite =>
        {
            sqlite.AddSqliteDatabase("orders", SqliteOrdersSchema.Migrations);
            sqlite.AddSingleton<IOrderStore, SqliteOrderStore>();
            sqlite.AddSingleton<ICheckoutStore, SqliteCheckoutStore>();
            sqlite.AddSingleton<ICartCheckoutLocks, SqliteCartCheckoutLocks>();
        });
}
