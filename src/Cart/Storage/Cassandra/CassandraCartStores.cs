using ProductStore.Storage.Cassandra;

namespace ProductStore.Cart.Storage.Cassandra;

/// <summary>Cart's Cassandra database and stores; compiled only with -p:Cassandra=true.</summary>
public static class CassandraCartStores
{
    public static void Add(IServiceCollection services)
    {
        services.AddCassandraDatabase("cart", CassandraCartSchema.Migrations);
        services.AddSingleton<ICartStore, CassandraCartStore>();
    }
}
