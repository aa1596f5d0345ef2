using ProductStore.Storage.Cassandra;

namespace ProductStore.Orders.Storage.Cassandra;

/// <summary>Orders' Cassandra database and stores; compiled only with -p:Cassandra=true.</summary>
public static class CassandraOrdersStores
{
    public static void Add(IServiceCollection services)
    {
        services.AddCassandraDatabase("orders", CassandraOrdersSchema.Migrations);
        services.AddSingleton<IOrderStore, CassandraOrderStore>();
        services.AddSingleton<ICheckoutStore, CassandraCheckoutStore>();
        services.AddSingleton<ICartCheckoutLocks, CassandraCartCheckoutLocks>();
    }
}
