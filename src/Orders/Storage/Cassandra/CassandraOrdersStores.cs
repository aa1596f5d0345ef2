using ProductStore.Orders.Storage.Cassandra;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Storage.Cassandra;

[assembly: CassandraStores(typeof(CassandraOrdersStores))]

namespace ProductStore.Orders.Storage.Cassandra;

public sealed class CassandraOrdersStores : ICassandraStores
{
    public void Add(IServiceCollection services)
    {
        services.AddCassandraDatabase("orders", CassandraOrdersSchema.Migrations);
        services.AddSingleton<IOrderStore, CassandraOrderStore>();
        services.AddSingleton<ICheckoutStore, CassandraCheckoutStore>();
        services.AddSingleton<ICartCheckoutLocks, CassandraCartCheckoutLocks>();
    }
}
