using ProductStore.Cart.Storage.Cassandra;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Storage.Cassandra;

[assembly: CassandraStores(typeof(CassandraCartStores))]

namespace ProductStore.Cart.Storage.Cassandra;

public sealed class CassandraCartStores : ICassandraStores
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        // A user's cart is one partition; its lines cluster by product.
        """
        CREATE TABLE IF NOT EXISTS cart_lines (
            user_id uuid,
            product_id uuid,
            name text,
            quantity int,
            price_cents bigint,
            currency text,
            added_at timestamp,
            PRIMARY KEY (user_id, product_id)
        )
        """,
    ];

    public void Add(IServiceCollection services)
    {
        services.AddCassandraDatabase("cart", Migrations);
        services.AddSingleton<ICartStore, CassandraCartStore>();
    }
}
